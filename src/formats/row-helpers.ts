import type { CsvTableItem, CsvTableRow } from './csv-table';
import { parseLooseDate } from './dates';
import { emptyContact, type ImportedContact, type ImportRow, type PartialDate } from './imported-contact';

/** Thrown inside a row mapper to turn that one row into an error; never escapes a reader. */
export class RowError extends Error {}

/** Maps each table row with `toContact`; a RowError or an empty first name becomes that row's error. */
export async function* mapRows(
  items: AsyncIterable<CsvTableItem>,
  toContact: (row: CsvTableRow) => ImportedContact,
): AsyncGenerator<ImportRow> {
  for await (const item of items) {
    if ('error' in item) {
      yield item;
      continue;
    }
    try {
      const contact = toContact(item);
      if (!contact.firstName) {
        const name = rawName(item);
        yield { line: item.line, error: `row ${item.line}: the first name is empty`, ...(name && { name }) };
        continue;
      }
      yield { line: item.line, contact };
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

/** Reads an optional date column; a present but unreadable value is a RowError naming the column. */
export function dateColumn(
  row: CsvTableRow,
  column: string,
  noneValues: readonly string[] = [],
): PartialDate | undefined {
  const raw = row.get(column);
  if (!raw || noneValues.includes(raw)) return undefined;
  const date = parseLooseDate(raw);
  if (!date) throw new RowError(`'${column}' is not a date: ${raw}`);
  return date;
}

/** Adds values without duplicates (case-insensitive), keeping the first label seen. */
export function addValue(list: { value: string; label?: string }[], value: string, label?: string): void {
  const v = value.trim();
  if (!v || list.some((x) => x.value.toLowerCase() === v.toLowerCase())) return;
  list.push(label ? { value: v, label } : { value: v });
}

/** Adds tags without duplicates, trimmed, empty ones dropped. */
export function addTags(tags: string[], values: Iterable<string>): void {
  for (const raw of values) {
    const tag = raw.trim();
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
}
