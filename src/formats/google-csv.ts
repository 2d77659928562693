import type { CsvTableRow } from './csv-table.js';
import { csvTable } from './csv-table.js';
import { decodeLines } from './decode.js';
import {
  type ImportedContact,
  type ImportRow,
  linkKind,
  type ReadOptions,
  setText,
} from './imported-contact.js';
import { addEmail, addTags, addValue, dateColumn, mapRows, namedContact, type Warn } from './row-helpers.js';

/** Google joins several values of one cell with this separator. */
const MULTI = ' ::: ';
const NUMBERED = /^(e-mail|phone|website|address|event|organization) (\d+) - /i;

/** Google Contacts CSV (2024 and legacy layouts): numbered "E-mail 1 - Value" / "Phone 1 - Value" columns. */
export function isGoogleHeader(names: Set<string>): boolean {
  const hasName = names.has('first name') || names.has('given name');
  return hasName && (names.has('e-mail 1 - value') || names.has('phone 1 - value'));
}

/** Streams contacts from a Google Contacts export ("Google CSV"). */
export function readGoogleCsv(
  source: AsyncIterable<Uint8Array>,
  opts: ReadOptions = {},
): AsyncGenerator<ImportRow> {
  return googleRows(decodeLines(source), opts);
}

/** The same from already-decoded lines. */
export function googleRows(lines: AsyncIterable<string>, opts: ReadOptions = {}): AsyncGenerator<ImportRow> {
  let counts: Map<string, number> | undefined;
  return mapRows(
    csvTable(lines, isGoogleHeader, 'Google Contacts'),
    (row, warn) => {
      counts ??= numberedCounts(row.columns);
      return googleContact(row, counts, warn, opts);
    },
    { stats: opts.stats },
  );
}

/** Google's own groups, on every row: "* myContacts", "* My Contacts", "System Group: My Contacts". */
const SYSTEM_GROUP = /^(?:\*\s*)?(?:system group:\s*)?my\s*contacts$/i;

/** Highest N per numbered group ("e-mail" → 3), read once from the header. */
function numberedCounts(columns: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const column of columns) {
    const m = NUMBERED.exec(column);
    if (m) counts.set(m[1]!.toLowerCase(), Math.max(counts.get(m[1]!.toLowerCase()) ?? 0, Number(m[2])));
  }
  return counts;
}

function split(cell: string): string[] {
  return cell
    .split(MULTI)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** "* Home" → "home": Google marks its built-in labels with a star. */
function label(row: CsvTableRow, group: string, n: number): string | undefined {
  const raw = row.get(`${group} ${n} - Label`) || row.get(`${group} ${n} - Type`);
  const first = split(raw)[0]
    ?.replace(/^\*\s*/, '')
    .toLowerCase();
  return first || undefined;
}

/**
 * The name, falling back as Google leaves it: many rows (312 of one real export) have an empty
 * Given Name with the whole name in Name, or only a Family Name, or only an e-mail address.
 */
function googleName(row: CsvTableRow, counts: Map<string, number>): [string, string] {
  const first = row.get('First Name') || row.get('Given Name');
  const last = row.get('Last Name') || row.get('Family Name');
  if (first) return [first, last];
  const name = row.get('Name') || row.get('File As') || row.get('Nickname');
  if (name) {
    if (last && name.toLowerCase().endsWith(last.toLowerCase())) {
      const given = name.slice(0, name.length - last.length).trim();
      return given ? [given, last] : [last, ''];
    }
    return last ? [name, last] : splitName(name);
  }
  if (last) return [last, ''];
  for (let n = 1; n <= (counts.get('e-mail') ?? 0); n++) {
    const email = split(row.get(`E-mail ${n} - Value`))[0];
    if (email) return [email, ''];
  }
  return ['', ''];
}

function googleContact(
  row: CsvTableRow,
  counts: Map<string, number>,
  warn: Warn,
  opts: ReadOptions,
): ImportedContact {
  const contact = namedContact(...googleName(row, counts));
  for (let n = 1; n <= (counts.get('e-mail') ?? 0); n++) {
    for (const v of split(row.get(`E-mail ${n} - Value`)))
      addEmail(contact.emails, v, label(row, 'E-mail', n), warn, `E-mail ${n} - Value`);
  }
  for (let n = 1; n <= (counts.get('phone') ?? 0); n++) {
    for (const v of split(row.get(`Phone ${n} - Value`))) addValue(contact.phones, v, label(row, 'Phone', n));
  }
  for (let n = 1; n <= (counts.get('website') ?? 0); n++) {
    for (const url of split(row.get(`Website ${n} - Value`)))
      contact.links.push({ kind: linkKind(url), url });
  }
  for (let n = 1; n <= (counts.get('address') ?? 0) && !contact.city && !contact.country; n++) {
    setText(contact, 'city', split(row.get(`Address ${n} - City`))[0]);
    setText(contact, 'country', split(row.get(`Address ${n} - Country`))[0]);
  }
  for (let n = 1; n <= (counts.get('event') ?? 0); n++) {
    if (label(row, 'Event', n) === 'anniversary')
      contact.anniversary = dateColumn(row, `Event ${n} - Value`, warn, { order: opts.order });
  }
  setText(contact, 'company', row.get('Organization Name') || row.get('Organization 1 - Name'));
  setText(contact, 'title', row.get('Organization Title') || row.get('Organization 1 - Title'));
  contact.birthday = dateColumn(row, 'Birthday', warn, { order: opts.order });
  if (!contact.birthday) delete contact.birthday;
  if (!contact.anniversary) delete contact.anniversary;
  setText(contact, 'notes', row.get('Notes'));
  const labels = split(row.get('Labels') || row.get('Group Membership'));
  addTags(
    contact.tags,
    labels.filter((l) => !SYSTEM_GROUP.test(l)).map((l) => l.replace(/^\*\s*/, '')),
  );
  return contact;
}

/** "Ada King Lovelace" → ["Ada King", "Lovelace"]: the last word is taken as the family name. */
export function splitName(full: string): [string, string] {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return [words[0] ?? '', ''];
  return [words.slice(0, -1).join(' '), words.at(-1)!];
}
