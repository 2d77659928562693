import { findHeader, HEADER_SEARCH_LINES } from './csv-table';
import { isGenericHeader } from './generic-csv';
import { isGoogleHeader } from './google-csv';
import { ImportFileError } from './imported-contact';
import { isLinkedInHeader } from './linkedin-csv';
import { isOutlookHeader } from './outlook-csv';

export type ImportFormat = 'vcard' | 'linkedin' | 'google' | 'outlook' | 'generic';
export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  vcard: 'vCard',
  linkedin: 'LinkedIn Connections CSV',
  google: 'Google Contacts CSV',
  outlook: 'Outlook CSV',
  generic: 'CSV with mapped columns',
};

/** A vCard file's first BEGIN:VCARD must come within this many lines. */
const VCARD_SEARCH_LINES = 5;

/** How many lines detection needs to see (LinkedIn's preamble comes before its header). */
export const DETECT_LINES = HEADER_SEARCH_LINES;

const EXPECTED =
  'Expected one of: a vCard file (starting with BEGIN:VCARD); a LinkedIn Connections CSV ' +
  '(First Name, Last Name, URL, Email Address, Company, Position, Connected On); a Google Contacts CSV ' +
  '(First Name or Given Name, E-mail 1 - Value, Phone 1 - Value, Labels); an Outlook CSV ' +
  '(First Name, Middle Name, Last Name, E-mail Address, Business Phone); or any CSV whose header row names ' +
  'a name or e-mail column (Name, First Name, Vorname, E-mail …), whose columns you map.';

/**
 * Tells the format from the first lines of content (never the file name); throws ImportFileError if
 * unknown. Any other first line of two or more cells is a generic CSV, read through a column mapping.
 */
export function detectFormat(head: readonly string[]): ImportFormat {
  const firstText = head.find((l) => l.trim() !== '');
  if (firstText === undefined) throw new ImportFileError('The file is empty.');
  // A stray line before the first card (`ENCODING:UTF-8`, a title) is tolerated: the reader skips
  // whatever is outside BEGIN/END.
  if (head.slice(0, VCARD_SEARCH_LINES).some((l) => l.trim().toUpperCase() === 'BEGIN:VCARD')) return 'vcard';
  // Google's 2024 layout also has First/Middle/Last Name, so its numbered columns are checked first.
  if (findHeader(head, isGoogleHeader)) return 'google';
  if (findHeader(head, isLinkedInHeader)) return 'linkedin';
  if (findHeader(head, isOutlookHeader)) return 'outlook';
  if (isGenericHeader(firstText)) return 'generic';
  throw unrecognised(firstText);
}

/** The whole-file refusal for content no reader (and no column mapping) can take. */
export function unrecognised(firstText: string): ImportFileError {
  const shown = firstText.length > 80 ? `${firstText.slice(0, 80)}…` : firstText;
  return new ImportFileError(`Unrecognised file (it starts with "${shown}"). ${EXPECTED}`);
}
