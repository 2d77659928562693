import { isSupportedCountry } from 'libphonenumber-js';
import {
  IMPORT_FORMATS,
  IMPORT_RUN_STATUSES,
  type ImportPreviewQuery,
  type ImportRowPage,
  type ImportRowsQuery,
  type ImportRun,
} from '../../contract/imports';
import { buildDedupeIndex } from '../../core/duplicate-keys';
import { Conflict, Invalid, NotFound } from '../../core/errors';
import { dateOrderOf, regionOfZone } from '../../core/import-region';
import { trackByDefault } from '../../core/import-tracking';
import { csvRow } from '../../formats/csv-writer';
import { decodeLines } from '../../formats/decode';
import { IMPORT_FORMAT_LABELS } from '../../formats/detect-format';
import { readImportLines } from '../../formats/read-import';
import { findAccount } from '../../store/accounts.repo';
import {
  deleteImportRows,
  deleteImportRun,
  findImportRun,
  type ImportRunRow,
  insertImportRun,
  listImportRows,
  loadDedupeContacts,
  pendingPreviews,
  staleReadingRuns,
  updateImportRun,
} from '../../store/imports.repo';
import type { Conn } from '../../store/store';
import { type Deps, nowIso } from '../deps';
import { classifyRows, MAX_STORED_ERRORS } from './import-classify';
import {
  chooseForUpload,
  parseStoredMapping,
  rememberMapping,
  storedMapping,
  toMappingDto,
} from './import-mapping';
import { toImportRowDto } from './import-rows';
import { storedCounts, storedOneOf } from './import-stored';
import { UploadCopy } from './import-upload';

const SAMPLE_ROWS = 50;
/** A 'reading' run this old was left by a process that died mid-upload. */
const STALE_READING_MS = 60 * 60 * 1000;
/** A preview not committed within a day is discarded: its rows are a copy of someone's address book. */
export const PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;
/** Previews one account may keep waiting at once (each may hold 250,000 rows). */
export const MAX_PENDING_PREVIEWS = 5;
export { MAX_STORED_ERRORS };

/**
 * Reads an uploaded file as it streams in, classifies every row against the account's contacts
 * (new / duplicate / merge / error) and stores the preview. A whole-file problem (empty, binary,
 * unknown format, no readable row) throws ImportFileError and leaves nothing stored.
 */
export async function previewImport(
  deps: Deps,
  accountId: string,
  body: AsyncIterable<Uint8Array>,
  query: ImportPreviewQuery,
): Promise<ImportRun> {
  const db = deps.store.read;
  const account = await findAccount(db, accountId);
  if (!account) throw new NotFound('account not found');
  // The contract checked query.region already; the guard only tells the type.
  const region =
    query.region !== undefined && isSupportedCountry(query.region)
      ? query.region
      : regionOfZone(account.time_zone);
  await dropStaleRuns(deps, accountId);
  if ((await pendingPreviews(db, accountId)).length >= MAX_PENDING_PREVIEWS)
    throw new Conflict(
      `${MAX_PENDING_PREVIEWS} imports are waiting for a commit or a discard; finish one of them first`,
    );
  const stats = { skippedEmpty: 0 };
  const copy = new UploadCopy(decodeLines(body));
  const { choose, chosen } = chooseForUpload(db, accountId, query.map);
  const { format, rows, generic } = await readImportLines(copy.read(), {
    order: dateOrderOf(region),
    stats,
    chooseMapping: choose,
  });
  if (!generic) {
    copy.stop();
    if (query.map !== undefined)
      throw new Invalid(
        `this file is a ${IMPORT_FORMAT_LABELS[format]}; only a generic CSV takes a mapping`,
        'map',
      );
  }
  // Rows of the file are indexed by their keys only; the rare row matching an earlier one reads it back.
  const index = buildDedupeIndex(await loadDedupeContacts(db, accountId), region, true);

  const id = deps.newId();
  const createdAt = nowIso(deps);
  await insertImportRun(db, {
    account_id: accountId,
    id,
    format,
    file_name: query.fileName,
    status: 'reading',
    region,
    counts: '{}',
    created_at: createdAt,
    committed_at: null,
    mapping: null,
  });
  try {
    const counts = await classifyRows(db, { accountId, id, format }, rows, index, stats, () =>
      copy.flush(db, accountId, id),
    );
    await copy.flush(db, accountId, id, true);
    const mapping = generic ? storedMapping(generic, chosen.remembered) : null;
    if (generic && query.map !== undefined)
      await rememberMapping(db, accountId, nowIso(deps), generic.layout.headerKey, generic.fields);
    await updateImportRun(db, accountId, id, {
      status: 'preview',
      counts: JSON.stringify(counts),
      mapping: mapping && JSON.stringify(mapping),
    });
  } catch (e) {
    await deleteImportRun(db, accountId, id);
    throw e;
  }
  return getImport(deps, accountId, id);
}

/** Drops runs left 'reading' by a dead process, and discards previews older than a day. */
async function dropStaleRuns(deps: Deps, accountId: string): Promise<void> {
  const now = deps.clock().getTime();
  const before = new Date(now - STALE_READING_MS).toISOString();
  for (const id of await staleReadingRuns(deps.store.read, accountId, before))
    await deleteImportRun(deps.store.read, accountId, id);
  const expired = new Date(now - PREVIEW_TTL_MS).toISOString();
  for (const run of await pendingPreviews(deps.store.read, accountId)) {
    if (run.created_at >= expired) break;
    await deps.store.transaction(async (trx) => {
      await deleteImportRows(trx, accountId, run.id);
      await updateImportRun(trx, accountId, run.id, { status: 'discarded' }, 'preview');
    });
  }
}

/** A run or NotFound (also for another account's id, or a run still being read). */
export async function requireRun(db: Conn, accountId: string, id: string): Promise<ImportRunRow> {
  const run = await findImportRun(db, accountId, id);
  if (!run || run.status === 'reading') throw new NotFound('import not found');
  return run;
}

/** Whether a preview is past its day: it can no longer be committed (a later upload discards it). */
export function previewExpired(deps: Deps, run: ImportRunRow): boolean {
  return (
    run.status === 'preview' &&
    run.created_at < new Date(deps.clock().getTime() - PREVIEW_TTL_MS).toISOString()
  );
}

/** The run's summary with its first 50 rows. */
export async function getImport(deps: Deps, accountId: string, id: string, db: Conn = deps.store.read) {
  const run = await requireRun(db, accountId, id);
  const sample = await listImportRows(db, accountId, id, { limit: SAMPLE_ROWS - 1 });
  return toRunDto(run, sample.map(toImportRowDto));
}

function toRunDto(run: ImportRunRow, sample: ImportRun['sample']): ImportRun {
  const { result, ...counts } = storedCounts(run.counts);
  const format = storedOneOf(IMPORT_FORMATS, run.format, 'format');
  return {
    id: run.id,
    format,
    formatLabel: IMPORT_FORMAT_LABELS[format],
    fileName: run.file_name,
    status: storedOneOf(IMPORT_RUN_STATUSES, run.status, 'status'),
    counts,
    tracksByDefault: trackByDefault(counts.new),
    result: result ?? null,
    mapping: toMappingDto(parseStoredMapping(run.mapping)),
    sample,
    createdAt: run.created_at,
    committedAt: run.committed_at,
  };
}

/** The previewed rows in file order, filtered by status, cursor-paged. */
export async function listImportRowPage(
  deps: Deps,
  accountId: string,
  id: string,
  query: ImportRowsQuery,
): Promise<ImportRowPage> {
  const db = deps.store.read;
  await requireRun(db, accountId, id);
  const rows = await listImportRows(db, accountId, id, {
    status: query.status,
    afterLine: query.cursor === undefined ? undefined : Number(query.cursor),
    limit: query.limit,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(toImportRowDto),
    nextCursor: rows.length > query.limit && last ? String(last.line) : null,
  };
}

/**
 * The per-row error report as CSV (Line, Error, Name), streamed page by page. Cells go through
 * csvRow, so a name like "=HYPERLINK(…)" opens as text in a spreadsheet, not as a formula.
 */
export async function importErrorsCsv(
  deps: Deps,
  accountId: string,
  id: string,
): Promise<AsyncGenerator<string>> {
  const db = deps.store.read;
  const run = await requireRun(db, accountId, id);
  const unstored = Math.max(0, storedCounts(run.counts).error) - MAX_STORED_ERRORS;
  async function* lines(): AsyncGenerator<string> {
    yield csvRow(['Line', 'Error', 'Name']);
    let afterLine: number | undefined;
    for (;;) {
      const rows = await listImportRows(db, accountId, id, { status: 'error', afterLine, limit: 1000 });
      for (const r of rows.slice(0, 1000)) yield csvRow([String(r.line), r.error ?? '', r.raw_name ?? '']);
      if (rows.length <= 1000) {
        if (unstored > 0)
          yield csvRow([
            '',
            `… and ${unstored} more rows with errors (only the first ${MAX_STORED_ERRORS} are kept)`,
            '',
          ]);
        return;
      }
      afterLine = rows[999]?.line;
    }
  }
  return lines();
}

/** Discards a preview: its rows go, the run stays as history. A committed run cannot be discarded. */
export async function discardImport(deps: Deps, accountId: string, id: string): Promise<void> {
  await deps.store.transaction(async (trx) => {
    const run = await requireRun(trx, accountId, id);
    if (run.status === 'committed')
      throw new Conflict('this import was committed; it can no longer be discarded');
    await deleteImportRows(trx, accountId, id);
    await updateImportRun(trx, accountId, id, { status: 'discarded' });
  });
}
