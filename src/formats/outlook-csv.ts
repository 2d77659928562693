import type { CsvTableRow } from './csv-table.js';
import { csvTable } from './csv-table.js';
import type { DateOrder } from './dates.js';
import { decodeLines } from './decode.js';
import {
  type ImportedContact,
  type ImportRow,
  linkKind,
  type ReadOptions,
  setText,
} from './imported-contact.js';
import { isTranslatedOutlookColumn, outlookColumn } from './outlook-headers.js';
import { addEmail, addTags, addValue, dateColumn, mapRows, namedContact, type Warn } from './row-helpers.js';

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
  // The fax type is kept (and written back as TEL;TYPE=fax,work), not folded into a plain number.
  ['Business Fax', 'work fax'],
  ['Home Fax', 'home fax'],
];

/** Outlook's CSV header: "First Name","Middle Name","Last Name",…,"E-mail Address","Business Phone"… */
export function isOutlookHeader(names: Set<string>): boolean {
  const english = new Set([...names].map((n) => outlookColumn(n)?.toLowerCase() ?? n));
  if (!english.has('first name') || !english.has('last name')) return false;
  return english.has('e-mail address') || english.has('business phone') || english.has('middle name');
}

/** Streams contacts from an Outlook (desktop or outlook.com) CSV export. */
export function readOutlookCsv(
  source: AsyncIterable<Uint8Array>,
  opts: ReadOptions = {},
): AsyncGenerator<ImportRow> {
  return outlookRows(decodeLines(source), opts);
}

/**
 * The same from already-decoded lines. Columns are read by their English names whatever the
 * language of the header; a translated header makes slashed dates day-first, an English one
 * leaves them to `opts.order` (Outlook's US default, unless the account's country says otherwise).
 */
export function outlookRows(lines: AsyncIterable<string>, opts: ReadOptions = {}): AsyncGenerator<ImportRow> {
  let layout: { english: Map<string, string>; order: DateOrder | undefined } | undefined;
  return mapRows(
    csvTable(lines, isOutlookHeader, 'Outlook'),
    (row, warn) => {
      layout ??= {
        english: new Map(row.columns.map((c) => [outlookColumn(c) ?? c, c])),
        order: row.columns.some(isTranslatedOutlookColumn) ? 'dmy' : opts.order,
      };
      const { english, order } = layout;
      const get = (column: string) => row.get(english.get(column) ?? column);
      return outlookContact({ ...row, get }, warn, order);
    },
    { stats: opts.stats },
  );
}

function outlookContact(row: CsvTableRow, warn: Warn, order: DateOrder | undefined): ImportedContact {
  const contact = namedContact(row.get('First Name'), row.get('Last Name'));
  for (const column of ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address']) {
    addEmail(contact.emails, row.get(column), undefined, warn, column);
  }
  for (const [column, label] of PHONES) addValue(contact.phones, row.get(column), label);
  const web = row.get('Web Page');
  if (web) contact.links.push({ kind: linkKind(web), url: web });
  setText(contact, 'company', row.get('Company'));
  setText(contact, 'title', row.get('Job Title'));
  setText(contact, 'city', row.get('Business City') || row.get('Home City'));
  setText(contact, 'country', row.get('Business Country/Region') || row.get('Home Country/Region'));
  const birthday = dateColumn(row, 'Birthday', warn, { none: NO_DATE, order });
  if (birthday) contact.birthday = birthday;
  const anniversary = dateColumn(row, 'Anniversary', warn, { none: NO_DATE, order });
  if (anniversary) contact.anniversary = anniversary;
  setText(contact, 'notes', cleanNotes(row.get('Notes')));
  addTags(contact.tags, row.get('Categories').split(';'));
  return contact;
}

/** Outlook writes notes with CRLF (and stray CRs); stored text has plain line feeds. */
export function cleanNotes(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
