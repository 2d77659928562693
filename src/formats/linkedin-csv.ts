import type { CsvTableRow } from './csv-table.js';
import { csvTable } from './csv-table.js';
import { isoDate } from './dates.js';
import { decodeLines } from './decode.js';
import { type ImportedContact, type ImportRow, type ReadOptions, setText } from './imported-contact.js';
import { addEmail, dateColumn, mapRows, namedContact, type Warn } from './row-helpers.js';

/** LinkedIn's Connections.csv header: First Name, Last Name, URL, Email Address, Company, Position, Connected On. */
export function isLinkedInHeader(names: Set<string>): boolean {
  return names.has('first name') && names.has('last name') && names.has('connected on');
}

/** Streams contacts from LinkedIn's Connections.csv (with or without its "Notes:" preamble). */
export function readLinkedInCsv(
  source: AsyncIterable<Uint8Array>,
  opts: ReadOptions = {},
): AsyncGenerator<ImportRow> {
  return linkedInRows(decodeLines(source), opts);
}

/** The same from already-decoded lines. */
export function linkedInRows(
  lines: AsyncIterable<string>,
  opts: ReadOptions = {},
): AsyncGenerator<ImportRow> {
  return mapRows(csvTable(lines, isLinkedInHeader, 'LinkedIn Connections'), linkedInContact, {
    isEmpty: noPerson,
    stats: opts.stats,
  });
}

/** A member who left LinkedIn stays in the export as a date and nothing else. */
function noPerson(row: CsvTableRow): boolean {
  return !row.get('First Name') && !row.get('Last Name') && !row.get('URL') && !row.get('Email Address');
}

function linkedInContact(row: CsvTableRow, warn: Warn): ImportedContact {
  const contact = namedContact(row.get('First Name'), row.get('Last Name'));
  addEmail(contact.emails, row.get('Email Address'), undefined, warn, 'Email Address');
  const url = row.get('URL');
  if (url) contact.links.push({ kind: 'linkedin', url });
  setText(contact, 'company', row.get('Company'));
  setText(contact, 'title', row.get('Position'));
  // LinkedIn writes US order (2018: "1/8/18, 6:14 PM"; since then "08 Jan 2018").
  const connected = dateColumn(row, 'Connected On', warn, { order: 'mdy' });
  if (connected) {
    if (connected.year === undefined)
      warn(`'Connected On' has no year: ${row.get('Connected On')}; left out`);
    else contact.connectedOn = isoDate({ ...connected, year: connected.year });
  }
  return contact;
}
