import { mappingHasIdentity } from '../core/import-mapping';
import { decodeLines, peekLines } from './decode';
import { DETECT_LINES, detectFormat, type ImportFormat, unrecognised } from './detect-format';
import { type ChooseMapping, type GenericRead, readGenericCsv } from './generic-csv';
import { googleRows } from './google-csv';
import type { ImportRow, ReadOptions } from './imported-contact';
import { linkedInRows } from './linkedin-csv';
import { outlookRows } from './outlook-csv';
import { vcardRows } from './vcard-reader';

const READERS: Record<
  Exclude<ImportFormat, 'generic'>,
  (lines: AsyncIterable<string>, opts?: ReadOptions) => AsyncGenerator<ImportRow>
> = {
  vcard: vcardRows,
  linkedin: linkedInRows,
  google: googleRows,
  outlook: outlookRows,
};

/** Options of readImport: `chooseMapping` settles a generic CSV's columns (the guesses when left out). */
export interface ImportReadOptions extends ReadOptions {
  chooseMapping?: ChooseMapping;
}

/**
 * Opens any supported import file: sniffs encoding and format from the content, then streams rows.
 * Rejects (ImportFileError) only for whole-file problems: empty, binary, unknown format, or a
 * generic CSV whose guessed columns give no name or e-mail. `generic` is the mapping of a generic CSV.
 */
export async function readImport(
  source: AsyncIterable<Uint8Array>,
  opts: ImportReadOptions = {},
): Promise<{ format: ImportFormat; rows: AsyncGenerator<ImportRow>; generic?: GenericRead }> {
  return readImportLines(decodeLines(source), opts);
}

/** The same from decoded lines (a stored upload read again with another mapping). */
export async function readImportLines(
  source: AsyncIterable<string>,
  opts: ImportReadOptions = {},
): Promise<{ format: ImportFormat; rows: AsyncGenerator<ImportRow>; generic?: GenericRead }> {
  const { head, lines } = await peekLines(source, DETECT_LINES);
  const format = detectFormat(head);
  if (format !== 'generic') return { format, rows: READERS[format](lines, opts) };
  const generic = await readGenericCsv(lines, opts, opts.chooseMapping);
  if (!opts.chooseMapping && !mappingHasIdentity(generic.fields))
    throw unrecognised(head.find((l) => l.trim()) ?? '');
  return { format, rows: generic.rows, generic };
}
