import type { CsvTableRow } from './csv-table';
import { csvTable } from './csv-table';
import { isoDate } from './dates';
import { decodeLines } from './decode';
import { type ImportedContact, type ImportRow, setText } from './imported-contact';
import { addValue, dateColumn, mapRows, namedContact, RowError } from './row-helpers';

/** LinkedIn's Connections.csv header: First Name, Last Name, URL, Email Address, Company, Position, Connected On. */
export function isLinkedInHeader(names: Set<string>): boolean {
  return names.has('first name') && names.has('last name') && names.has('connected on');
}

/** Streams contacts from LinkedIn's Connections.csv (with or without its "Notes:" preamble). */
export function readLinkedInCsv(source: AsyncIterable<Uint8Array>): AsyncGenerator<ImportRow> {
  return linkedInRows(decodeLines(source));
}

/** The same from already-decoded lines. */
export function linkedInRows(lines: AsyncIterable<string>): AsyncGenerator<ImportRow> {
  return mapRows(csvTable(lines, isLinkedInHeader, 'LinkedIn Connections'), linkedInContact);
}

function linkedInContact(row: CsvTableRow): ImportedContact {
  const contact = namedContact(row.get('First Name'), row.get('Last Name'));
  addValue(contact.emails, row.get('Email Address'));
  const url = row.get('URL');
  if (url) contact.links.push({ kind: 'linkedin', url });
  setText(contact, 'company', row.get('Company'));
  setText(contact, 'title', row.get('Position'));
  const connected = dateColumn(row, 'Connected On');
  if (connected) {
    if (connected.year === undefined)
      throw new RowError(`'Connected On' has no year: ${row.get('Connected On')}`);
    contact.connectedOn = isoDate({ ...connected, year: connected.year });
  }
  return contact;
}
