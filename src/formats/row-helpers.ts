import type { CsvTableItem, CsvTableRow } from './csv-table.js';
import { type DateOrder, readDate } from './dates.js';
import { emptyContact, type ImportedContact, type ImportRow, type PartialDate } from './imported-contact.js';

/** Thrown inside a row mapper to turn that one row into an error; never escapes a reader. */
export class RowError extends Error {}

/** Collects a row's warnings: optional fields that could not be read and were left out. */
export type Warn = (message: string) => void;

/**
 * Maps each table row with `toContact`; a RowError or an empty first name becomes that row's error,
 * what `toContact` passes to `warn` becomes the row's warnings (the contact is kept). A row with no
 * name, e-mail or link (LinkedIn writes `,,,,,,08 Nov 2025` for members who left) is skipped and
 * counted in `stats.skippedEmpty`.
 */
export async function* mapRows(
  items: AsyncIterable<CsvTableItem>,
  toContact: (row: CsvTableRow, warn: Warn) => ImportedContact,
  opts: { isEmpty?: (row: CsvTableRow) => boolean; stats?: { skippedEmpty: number } | undefined } = {},
): AsyncGenerator<ImportRow> {
  for await (const item of items) {
    if ('error' in item) {
      yield item;
      continue;
    }
    if (opts.isEmpty?.(item)) {
      if (opts.stats) opts.stats.skippedEmpty++;
      continue;
    }
    try {
      const warnings: string[] = [];
      const contact = toContact(item, (message) => warnings.push(`row ${item.line}: ${message}`));
      if (!contact.firstName) {
        const name = rawName(item);
        yield { line: item.line, error: `row ${item.line}: the first name is empty`, ...(name && { name }) };
        continue;
      }
      yield warnings.length ? { line: item.line, contact, warnings } : { line: item.line, contact };
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      const name = rawName(item);
      yield { line: item.line, error: `row ${item.line}: ${e.message}`, ...(name && { name }) };
    }
  }
}

/** The row's name as written (for error reports); every supported CSV layout has one of these columns. */
function rawName(row: CsvTableRow): string {
  const first = row.get('First Name') || row.get('Given Name');
  const last = row.get('Last Name') || row.get('Family Name');
  return `${first} ${last}`.trim() || row.get('Name');
}

/** A contact with trimmed names taken from two columns. */
export function namedContact(first: string, last: string): ImportedContact {
  return emptyContact(first.trim(), last.trim());
}

/**
 * Reads an optional date column. A present but unreadable value costs the field, not the contact:
 * it is left out with a warning naming the column and the value (and, for 3/4/1991 with no order
 * known, both readings), so one odd birthday never drops a person.
 */
export function dateColumn(
  row: CsvTableRow,
  column: string,
  warn: Warn,
  opts: { none?: readonly string[]; order?: DateOrder | undefined } = {},
): PartialDate | undefined {
  const raw = row.get(column);
  if (!raw || opts.none?.includes(raw)) return undefined;
  const date = readDate(raw, opts.order);
  if (typeof date !== 'string') return date;
  warn(dateWarning(column, raw, date));
  return undefined;
}

/** `'Birthday' is not a date: 01.13.99; left out` / `'Birthday' 03/04/1991 could be 3 April or 4 March; left out`. */
export function dateWarning(field: string, raw: string, problem: 'invalid' | 'ambiguous'): string {
  if (problem === 'invalid') return `'${field}' is not a date: ${raw}; left out`;
  return `'${field}' ${raw} could be read day-first or month-first and nothing in the file says which; left out`;
}

/** Adds values without duplicates (case-insensitive), keeping the first label seen. */
export function addValue(list: { value: string; label?: string }[], value: string, label?: string): void {
  const v = value.trim();
  if (!v || list.some((x) => x.value.toLowerCase() === v.toLowerCase())) return;
  list.push(label ? { value: v, label } : { value: v });
}

/**
 * Adds an e-mail address, or warns and leaves it out when the cell holds something else
 * ("urn:li:member:123", "no email", a name): only an address is ever stored as one.
 */
export function addEmail(
  list: { value: string; label?: string }[],
  value: string,
  label: string | undefined,
  warn: Warn,
  field: string,
): void {
  const v = value.trim();
  if (!v) return;
  if (!isEmailAddress(v)) {
    warn(`'${field}' is not an e-mail address: ${v.length > 80 ? `${v.slice(0, 80)}…` : v}; left out`);
    return;
  }
  addValue(list, v.replace(/^mailto:/i, ''), label);
}

/** local@domain.tld: no spaces, one @, a dot in the domain (a `mailto:` prefix is allowed). */
export function isEmailAddress(value: string): boolean {
  return /^(?:mailto:)?[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/i.test(value.trim());
}

/** Adds tags without duplicates, trimmed, empty ones dropped. */
export function addTags(tags: string[], values: Iterable<string>): void {
  for (const raw of values) {
    const tag = raw.trim();
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
}
