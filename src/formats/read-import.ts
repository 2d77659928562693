import { decodeLines, peekLines } from './decode.js';
import { DETECT_LINES, detectFormat, type ImportFormat } from './detect-format.js';
import { googleRows } from './google-csv.js';
import type { ImportRow, ReadOptions } from './imported-contact.js';
import { linkedInRows } from './linkedin-csv.js';
import { outlookRows } from './outlook-csv.js';
import { vcardRows } from './vcard-reader.js';

const READERS: Record<
  ImportFormat,
  (lines: AsyncIterable<string>, opts?: ReadOptions) => AsyncGenerator<ImportRow>
> = {
  vcard: vcardRows,
  linkedin: linkedInRows,
  google: googleRows,
  outlook: outlookRows,
};

/**
 * Opens any supported import file: sniffs encoding and format from the content, then streams rows.
 * Rejects (ImportFileError) only for whole-file problems: empty, binary, unknown format.
 */
export async function readImport(
  source: AsyncIterable<Uint8Array>,
  opts: ReadOptions = {},
): Promise<{ format: ImportFormat; rows: AsyncGenerator<ImportRow> }> {
  const { head, lines } = await peekLines(decodeLines(source), DETECT_LINES);
  const format = detectFormat(head);
  return { format, rows: READERS[format](lines, opts) };
}
