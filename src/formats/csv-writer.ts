import { isoDate, pad2 } from './dates';
import type { ContactLike, PartialDate } from './imported-contact';

/**
 * Spreadsheet apps run a cell that starts with = + - @ (or tab/CR, which some strip first) as a
 * formula (OWASP "CSV injection"); a leading single quote makes them show it as text.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Quotes a cell only when RFC 4180 requires it (delimiter, quote, CR or LF inside). */
function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One RFC 4180 record with CRLF. Line breaks inside cells become LF; `safe` (default) neutralises formulas. */
export function csvRow(cells: readonly string[], safe = true): string {
  if (cells.length === 1 && cells[0] === '') return '""\r\n'; // a bare empty line would read as no record
  return `${cells.map((c) => quote((safe ? neutraliseFormula(c) : c).replace(/\r\n?/g, '\n'))).join(',')}\r\n`;
}

/** Columns of the Notion/Airtable export; multi-valued cells are comma-separated (multi-select friendly). */
export const CONTACT_CSV_COLUMNS = [
  'First Name',
  'Last Name',
  'Emails',
  'Phones',
  'Company',
  'Title',
  'Industry',
  'City',
  'Country',
  'Time Zone',
  'LinkedIn',
  'Links',
  'Tags',
  'Birthday',
  'Anniversary',
  'Connected On',
  'Notes',
] as const;

/** No-year dates are written MM-DD: ISO's `--MM-DD` would start with "-" and be taken for a formula. */
function dateCell(d: PartialDate | undefined): string {
  if (!d) return '';
  return d.year === undefined
    ? `${pad2(d.month)}-${pad2(d.day)}`
    : isoDate({ year: d.year, month: d.month, day: d.day });
}

/** One contact as the cells of CONTACT_CSV_COLUMNS. */
export function contactCells(c: ContactLike): string[] {
  const links = c.links ?? [];
  return [
    c.firstName,
    c.lastName,
    (c.emails ?? []).map((e) => e.value).join(', '),
    (c.phones ?? []).map((p) => p.value).join(', '),
    c.company ?? '',
    c.title ?? '',
    c.industry ?? '',
    c.city ?? '',
    c.country ?? '',
    c.timeZone ?? '',
    links.find((l) => l.kind === 'linkedin')?.url ?? '',
    links
      .filter((l) => l.kind !== 'linkedin')
      .map((l) => l.url)
      .join(', '),
    (c.tags ?? []).join(', '),
    dateCell(c.birthday),
    dateCell(c.anniversary),
    c.connectedOn ?? '',
    c.notes ?? '',
  ];
}

/** Streams the contacts CSV (header first). `bom` adds a UTF-8 BOM so that Excel reads accents right. */
export async function* writeContactsCsv(
  contacts: Iterable<ContactLike> | AsyncIterable<ContactLike>,
  options: { bom?: boolean } = {},
): AsyncGenerator<string> {
  yield (options.bom ? '\uFEFF' : '') + csvRow(CONTACT_CSV_COLUMNS);
  for await (const contact of contacts) yield csvRow(contactCells(contact));
}
