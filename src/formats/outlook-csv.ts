import type { CsvTableRow } from './csv-table';
import { csvTable } from './csv-table';
import { decodeLines } from './decode';
import { type ImportedContact, type ImportRow, linkKind, setText } from './imported-contact';
import { addTags, addValue, dateColumn, mapRows, namedContact } from './row-helpers';

/** Outlook writes "0/0/00" (and sometimes 1/0/00) for "no date". */
const NO_DATE = ['0/0/00', '0/0/0000', '1/0/00', '00/00/0000'];
const PHONES: [column: string, label: string][] = [
  ['Mobile Phone', 'mobile'],
  ['Business Phone', 'work'],
  ['Business Phone 2', 'work'],
  ['Home Phone', 'home'],
  ['Home Phone 2', 'home'],
  ['Primary Phone', 'main'],
  ['Other Phone', 'other'],
];

/** Outlook's CSV header: "First Name","Middle Name","Last Name",…,"E-mail Address","Business Phone"… */
export function isOutlookHeader(names: Set<string>): boolean {
  if (!names.has('first name') || !names.has('last name')) return false;
  return names.has('e-mail address') || names.has('business phone') || names.has('middle name');
}

/** Streams contacts from an Outlook (desktop or outlook.com) CSV export. */
export function readOutlookCsv(source: AsyncIterable<Uint8Array>): AsyncGenerator<ImportRow> {
  return outlookRows(decodeLines(source));
}

/** The same from already-decoded lines. */
export function outlookRows(lines: AsyncIterable<string>): AsyncGenerator<ImportRow> {
  return mapRows(csvTable(lines, isOutlookHeader, 'Outlook'), outlookContact);
}

function outlookContact(row: CsvTableRow): ImportedContact {
  const contact = namedContact(row.get('First Name'), row.get('Last Name'));
  for (const column of ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address']) {
    addValue(contact.emails, row.get(column));
  }
  for (const [column, label] of PHONES) addValue(contact.phones, row.get(column), label);
  const web = row.get('Web Page');
  if (web) contact.links.push({ kind: linkKind(web), url: web });
  setText(contact, 'company', row.get('Company'));
  setText(contact, 'title', row.get('Job Title'));
  setText(contact, 'city', row.get('Business City') || row.get('Home City'));
  setText(contact, 'country', row.get('Business Country/Region') || row.get('Home Country/Region'));
  const birthday = dateColumn(row, 'Birthday', NO_DATE);
  if (birthday) contact.birthday = birthday;
  const anniversary = dateColumn(row, 'Anniversary', NO_DATE);
  if (anniversary) contact.anniversary = anniversary;
  setText(contact, 'notes', row.get('Notes'));
  addTags(contact.tags, row.get('Categories').split(';'));
  return contact;
}
