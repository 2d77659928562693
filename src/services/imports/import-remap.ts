import type { ImportMappingBody, ImportRun } from '../../contract/imports';
import { buildDedupeIndex } from '../../core/duplicate-keys';
import { Conflict, Invalid } from '../../core/errors';
import { dateOrderOf } from '../../core/import-region';
import { readImportLines } from '../../formats/read-import';
import { clearImportRows, loadDedupeContacts, updateImportRun } from '../../store/imports.repo';
import { type Deps, nowIso } from '../deps';
import { classifyRows } from './import-classify';
import { parseStoredMapping, rememberMapping, requireIdentity, storedMapping } from './import-mapping';
import { storedRegion } from './import-stored';
import { storedUploadLines } from './import-upload';
import { getImport, previewExpired, requireRun } from './imports.service';

/**
 * Reads a generic CSV preview's stored upload again with another column mapping and classifies
 * every row anew with the normal rules (new / duplicate / merge / conflict / error), in one
 * transaction: a mapping that fails leaves the preview as it was. The mapping is remembered for
 * the header set, so the next upload with the same headers gets it.
 */
export async function remapImport(
  deps: Deps,
  accountId: string,
  id: string,
  body: ImportMappingBody,
): Promise<ImportRun> {
  return deps.store.transaction(async (trx) => {
    const run = await requireRun(trx, accountId, id);
    const mapping = parseStoredMapping(run.mapping);
    if (!mapping) throw new Invalid('only a generic CSV import has a column mapping', 'fields');
    if (run.status !== 'preview' || previewExpired(deps, run))
      throw new Conflict(
        `this import is ${run.status === 'preview' ? 'expired' : run.status}; upload the file again`,
      );
    if (body.fields.length !== mapping.columns.length)
      throw new Invalid(
        `the file has ${mapping.columns.length} columns; give one field for each, not ${body.fields.length}`,
        'fields',
      );
    requireIdentity(body.fields, 'fields');
    const stats = { skippedEmpty: 0 };
    const read = await readImportLines(storedUploadLines(trx, accountId, id), {
      order: dateOrderOf(storedRegion(run.region)),
      stats,
      chooseMapping: () => body.fields,
    });
    if (!read.generic || read.generic.layout.headerKey !== mapping.headerKey)
      throw new Error(`import ${id}: the stored upload is not the file that was previewed`);
    await clearImportRows(trx, accountId, id);
    const index = buildDedupeIndex(await loadDedupeContacts(trx, accountId), storedRegion(run.region), true);
    const counts = await classifyRows(trx, { accountId, id, format: read.format }, read.rows, index, stats);
    await updateImportRun(trx, accountId, id, {
      counts: JSON.stringify(counts),
      mapping: JSON.stringify(storedMapping(read.generic, false)),
    });
    await rememberMapping(trx, accountId, nowIso(deps), mapping.headerKey, body.fields);
    return getImport(deps, accountId, id, trx);
  });
}
