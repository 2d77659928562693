import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, linkedinKey, nameCompanyKey } from './duplicate-keys';

/** linkedinKey before its shortcut for LinkedIn's own profile URLs. */
function generalLinkedinKey(url: string): string | undefined {
  const m = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*linkedin\.com(\/[^?#]*)?/i.exec(url.trim());
  if (!m) return undefined;
  let path = (m[1] ?? '').replace(/\/+$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // kept as written
  }
  path = path.toLowerCase();
  const profile = /^\/in\/([^/]+)/.exec(path);
  if (profile) return `linkedin.com/in/${profile[1]}`;
  return path ? `linkedin.com${path}` : undefined;
}

/** foldText before its shortcut for words and single spaces. */
function generalFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** nameCompanyKey before its shortcut for plain names: the joined name folded whole. */
function generalNameCompanyKey(first: string, last: string, company: string | undefined) {
  const name = generalFold(`${first} ${last}`);
  const org = generalFold(company ?? '').replace(
    /\s(inc|ltd|llc|gmbh|corp|corporation|co|sa|ag|plc|bv|limited)$/,
    '',
  );
  return name && org ? `${name}|${org}` : undefined;
}

const piece = (xs: string[]) => fc.array(fc.constantFrom(...xs), { maxLength: 10 }).map((ps) => ps.join(''));

describe('dedupe key shortcuts', () => {
  it('linkedinKey gives the general reading for any URL, LinkedIn profile or not', () => {
    const url = fc.oneof(
      piece([
        'https://www.linkedin.com/in/',
        'http://',
        'linkedin.com',
        '/in/',
        'ada',
        'A',
        '-',
        '_',
        '0',
        '/',
        '?x',
        '#',
        '%C3%AB',
        '%zz',
        ' ',
        '.',
        'é',
      ]),
      piece(['ada', 'B', '-', '_', '9', '/', '?', ' ', '%41', 'é', '\t']).map(
        (s) => `https://www.linkedin.com/in/${s}`,
      ),
      fc.string(),
    );
    fc.assert(
      fc.property(url, (u) => {
        expect(linkedinKey(u)).toBe(generalLinkedinKey(u));
      }),
      { numRuns: 20_000 },
    );
  });

  it('foldText gives the general fold for names of words, spaces and the rest', () => {
    const text = fc.oneof(
      piece(['Ada', 'lovelace', 'O', "'", ' ', '  ', '0', '9', 'Zoë', '-', '.', 'ß', 'ﬁ', '\t', 'Z', 'a']),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(foldText(t)).toBe(generalFold(t));
      }),
      { numRuns: 20_000 },
    );
  });

  it('nameCompanyKey gives the key of the whole name folded, for plain names and the rest', () => {
    const name = piece(['Ada', 'lovelace', 'O', "'", ' ', '0', 'Zoë', '-', 'Z', '']);
    const company = fc.option(piece(['Acme', ' ', 'Inc', 'Ltd.', ',', 'co', 'É', '-']), { nil: undefined });
    fc.assert(
      fc.property(name, name, company, (f, l, c) => {
        expect(nameCompanyKey(f, l, c)).toBe(generalNameCompanyKey(f, l, c));
      }),
      { numRuns: 20_000 },
    );
  });
});
