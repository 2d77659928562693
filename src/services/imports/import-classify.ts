import { type ImportCounts, MAX_PREVIEW_ROWS } from '../../contract/imports';
import { classifyRow } from '../../core/classify-import';
import type { DedupeIndex } from '../../core/duplicate-keys';
import { IMPORT_FORMAT_LABELS, type ImportFormat } from '../../formats/detect-format';
import { ImportFileError, type ImportRow } from '../../formats/imported-contact';
import type { NewRow } from '../../store/database';
import { importRowContact, insertImportRows } from '../../store/imports.repo';
import type { Conn } from '../../store/store';
import { ImportPhotos } from './import-photos';
import {
  clipContact,
  type PreviewContact,
  storedContact as parseStoredContact,
  rowRecord,
} from './import-rows';

/**
 * Rows are written as they are read, this many at a time, so a 200,000-row file never sits in memory.
 * Few, so that the rows held until their batch is written rarely outlive a scavenge: at 500 they were
 * promoted and the old generation filled with rows already written until a full collection, which
 * V8 puts off to a multiple of the live heap (the 200,000-row preview peaked at 280–330 MB, ~240 MB
 * at 64; CPU the same within noise). 64 is also under V8's pretenuring threshold (85% of at least
 * 100 objects of one site alive at a scavenge). A power of two: insertMany cuts a rest below 500 rows
 * into powers of two, so a batch is one statement. See bench/RESULTS.md, "## Import".
 */
const WRITE_BATCH = 64;
/**
 * Error rows kept per file: enough to fix a file by, where a million broken vCards once stored 352 MB
 * of them. Later errors are counted, not stored, and errors.csv says so.
 */
export const MAX_STORED_ERRORS = 1000;

/**
 * Classifies every read row against the index (new / duplicate / merge / conflict / error) and
 * writes it to import_rows of the run, its photo (normalised) to import_row_photos; `afterBatch` runs after each write (the upload's chunks go
 * with them). Throws ImportFileError when no row can be read or the file is too long.
 */
export async function classifyRows(
  db: Conn,
  run: { accountId: string; id: string; format: ImportFormat },
  rows: AsyncIterable<ImportRow>,
  index: DedupeIndex,
  stats: { skippedEmpty: number },
  afterBatch: () => Promise<void> = async () => {},
): Promise<ImportCounts> {
  const { accountId, id, format } = run;
  const counts: ImportCounts = {
    new: 0,
    duplicate: 0,
    merge: 0,
    conflict: 0,
    error: 0,
    total: 0,
    warnings: 0,
    skippedEmpty: 0,
  };
  let batch: NewRow<'import_rows'>[] = [];
  const photos = new ImportPhotos(db, accountId, id);
  let firstError: string | undefined;
  for await (const row of rows) {
    if (counts.total >= MAX_PREVIEW_ROWS)
      throw new ImportFileError(
        `This file has more than ${MAX_PREVIEW_ROWS.toLocaleString('en')} rows, more than one import takes. ` +
          'Split it into smaller files and import them one after the other.',
      );
    const contact = 'error' in row ? undefined : clipContact(row.contact);
    const json = contact && JSON.stringify(contact);
    for (const earlier of contact ? index.forgotten(contact) : [])
      index.recall(earlier, await storedContact(db, accountId, id, batch, earlier));
    const input = contact ? { line: row.line, contact } : row;
    const c = classifyRow(input, index);
    counts[c.kind]++;
    counts.total++;
    if (c.kind === 'error') firstError ??= c.error;
    // A thousand errors and not one readable row: not a contacts file (a million BEGIN:VCARD).
    if (c.kind === 'error' && counts.error > MAX_STORED_ERRORS && counts.error === counts.total)
      throw new ImportFileError(noRowsMessage(format, counts, firstError));
    if (c.kind !== 'error' || counts.error <= MAX_STORED_ERRORS) {
      const warnings = 'error' in row ? undefined : row.warnings;
      if (warnings?.length) counts.warnings++;
      const record = rowRecord(accountId, id, c, {
        rawName: 'error' in row ? row.name : undefined,
        json,
        warnings,
      });
      batch.push(record);
      const photo = 'error' in row ? undefined : row.contact.photo;
      if (photo && c.kind !== 'error') await photos.add({ record, base64: photo.base64 });
    }
    if (batch.length >= WRITE_BATCH) {
      await writeBatch(db, batch, photos);
      batch = [];
      await afterBatch();
    }
  }
  await writeBatch(db, batch, photos);
  await afterBatch();
  counts.warnings += photos.newlyWarned;
  counts.skippedEmpty = stats.skippedEmpty;
  if (counts.total === counts.error) throw new ImportFileError(noRowsMessage(format, counts, firstError));
  return counts;
}

/** Rows and their photos; a row's photo warning is known only once its photo is done. */
async function writeBatch(db: Conn, batch: NewRow<'import_rows'>[], photos: ImportPhotos): Promise<void> {
  await photos.flush();
  await insertImportRows(db, batch);
}

/** A previewed row's contact, from the batch not yet written or from import_rows. */
async function storedContact(
  db: Conn,
  accountId: string,
  runId: string,
  batch: readonly NewRow<'import_rows'>[],
  line: number,
): Promise<PreviewContact> {
  const json =
    batch.find((r) => r.line === line)?.contact ?? (await importRowContact(db, accountId, runId, line));
  if (!json) throw new Error(`import row ${line} has no contact`);
  return parseStoredContact(json, line);
}

function noRowsMessage(format: ImportFormat, counts: ImportCounts, firstError: string | undefined): string {
  const what = IMPORT_FORMAT_LABELS[format];
  if (counts.total === 0)
    return counts.skippedEmpty > 0
      ? `The ${what} has ${counts.skippedEmpty} rows but none with a name, an e-mail or a link in it.`
      : `The file has the header of a ${what} but no contacts in it.`;
  const base = `No contact could be read from this ${what}: all ${counts.total} rows have errors (the first: ${firstError}).`;
  // The delimiter hint only where the rows show it: a vCard or a bad name has nothing to do with it.
  if (firstError && /another delimiter/.test(firstError))
    return `${base} The rows use another delimiter than the header; export the file again as a comma-separated CSV.`;
  return base;
}
