import { type ContentLine, parseContentLine, unescapeText } from '../formats/vcard-lines';
import { cardLines } from '../formats/vcard-merge';
import { CARDDAV, child, children, type XmlElement } from './xml';

/** RFC 6352 §10.5.4 text-match: i;unicode-casemap (the default) compares case-insensitively. */
function textMatches(value: string, tm: XmlElement): boolean {
  const octet = tm.attrs.collation === 'i;octet';
  const norm = (s: string) => (octet ? s : s.toLocaleLowerCase('und'));
  const v = norm(value);
  const t = norm(tm.text);
  const type = tm.attrs['match-type'] ?? 'contains';
  const hit =
    type === 'equals'
      ? v === t
      : type === 'starts-with'
        ? v.startsWith(t)
        : type === 'ends-with'
          ? v.endsWith(t)
          : v.includes(t);
  return tm.attrs['negate-condition'] === 'yes' ? !hit : hit;
}

const combine = (test: string | undefined, results: boolean[]) =>
  test === 'allof' ? results.every(Boolean) : results.some(Boolean);

function paramMatches(line: ContentLine, pf: XmlElement): boolean {
  const values = line.params.get((pf.attrs.name ?? '').toUpperCase());
  if (child(pf, CARDDAV, 'is-not-defined')) return values === undefined;
  if (values === undefined) return false;
  const tm = child(pf, CARDDAV, 'text-match');
  return tm ? values.some((v) => textMatches(v, tm)) : true;
}

function propMatches(lines: ContentLine[], pf: XmlElement): boolean {
  const name = (pf.attrs.name ?? '').toUpperCase();
  const props = lines.filter((l) => l.name === name);
  if (child(pf, CARDDAV, 'is-not-defined')) return props.length === 0;
  const tests = pf.children.filter(
    (c) => c.ns === CARDDAV && (c.name === 'text-match' || c.name === 'param-filter'),
  );
  if (tests.length === 0) return props.length > 0;
  return props.some((p) =>
    combine(
      pf.attrs.test,
      tests.map((t) =>
        t.name === 'text-match' ? textMatches(unescapeText(p.value), t) : paramMatches(p, t),
      ),
    ),
  );
}

/** Whether a card passes an addressbook-query filter (RFC 6352 §10.5); no filter passes all. */
export function cardMatches(body: string, filter: XmlElement | undefined): boolean {
  const propFilters = children(filter, CARDDAV, 'prop-filter');
  if (propFilters.length === 0) return true;
  const lines = cardLines(body).flatMap((l, i) => {
    const parsed = parseContentLine(l.raw.replace(/\r\n[ \t]/g, ''), i + 1);
    return parsed ? [parsed] : [];
  });
  return combine(
    filter?.attrs.test,
    propFilters.map((pf) => propMatches(lines, pf)),
  );
}
