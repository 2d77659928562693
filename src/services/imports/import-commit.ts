import { DateTime } from 'luxon';
import type { ImportCommit, ImportResult, ImportRun, RowAction } from '../../contract/imports';
import { Conflict, Invalid, NotFound } from '../../core/errors';
import { trackByDefault } from '../../core/import-tracking';
import { findAccount } from '../../store/accounts.repo';
import { chunks } from '../../store/chunks';
import { deleteImportRowPhotos, importPhotoLines, photosFromImport } from '../../store/contact-photos.repo';
import { reindexContacts, updateContact } from '../../store/contacts.repo';
import type { NewRow } from '../../store/database';
import { deleteImportUpload } from '../../store/import-uploads.repo';
import {
  emptyWrites,
  insertImportWrites,
  loadMergeTargets,
  loadTagIds,
  type TagIds,
} from '../../store/import-writes.repo';
import {
  type CommitRowRow,
  importRowStatuses,
  listCommitRows,
  updateImportRun,
} from '../../store/imports.repo';
import type { Conn } from '../../store/store';
import { type Deps, nowIso } from '../deps';
import { mergeInto } from './import-merge';
import { addNewContact, type CommitContext, newContactDueAt } from './import-new-contact';
import { type PreviewContact, storedContact } from './import-rows';
import { type StoredCounts, storedCounts, storedRegion } from './import-stored';
import { getImport, previewExpired, requireRun } from './imports.service';

/** Rows read from the preview per step: the commit's memory stays flat however big the file. */
const PAGE = 500;

interface PendingMerge {
  line: number;
  name: string;
  targetId: string;
  contact: PreviewContact;
}

/**
 * Applies a preview in one transaction: creates the new rows, merges matches as the defaults and
 * per-row choices say, records LinkedIn job changes, rebuilds search, and marks the run committed.
 * Any failure (a matched contact deleted since the preview, a constraint) rolls everything back.
 */
export async function commitImport(
  deps: Deps,
  accountId: string,
  id: string,
  input: ImportCommit,
): Promise<ImportRun> {
  return deps.store.transaction(async (trx) => {
    const run = await requireRun(trx, accountId, id);
    if (previewExpired(deps, run))
      throw new Conflict('this preview is more than a day old and has expired; upload the file again');
    const now = nowIso(deps);
    // Claiming the run first makes a concurrent second commit wait on this row, then find it taken.
    if (
      run.status !== 'preview' ||
      (await updateImportRun(trx, accountId, id, { status: 'committed', committed_at: now }, 'preview')) === 0
    )
      throw new Conflict(
        run.status === 'discarded'
          ? 'this import was discarded; upload the file again to import it'
          : 'this import was already committed',
      );
    const overrides = await checkOverrides(trx, accountId, id, input.rows ?? {});
    const account = await findAccount(trx, accountId);
    if (!account) throw new NotFound('account not found');
    const previewed = storedCounts(run.counts);
    const tracked = input.tracked ?? trackByDefault(previewed.new);
    const ctx: CommitContext = {
      accountId,
      now,
      today: DateTime.fromISO(now, { zone: account.time_zone }).toISODate() ?? now.slice(0, 10),
      region: storedRegion(run.region),
      newId: deps.newId,
      tracked,
      nextDueAt: newContactDueAt(now, tracked),
    };
    const tagIds = await loadTagIds(trx, accountId);
    const result: ImportResult = { created: 0, merged: 0, skipped: 0, lifeEvents: 0 };
    const createdByLine = new Map<number, string>();
    const merges: PendingMerge[] = [];
    // Photos of merged rows go in once every target is known to exist (applyMerges checks).
    const mergePhotos: [line: number, targetId: string][] = [];
    // Building and running the copy for lines without a photo was ~0.8 s of a 30,000-row LinkedIn commit.
    const photoLines = await importPhotoLines(trx, accountId, id);

    for (let after: number | undefined; ; ) {
      const rows = await listCommitRows(trx, accountId, id, { afterLine: after, limit: PAGE });
      const page = rows.slice(0, PAGE);
      const withPhoto: [line: number, contactId: string][] = [];
      const w = emptyWrites();
      for (const r of page) {
        const contact = storedContact(r.contact ?? 'null', r.line);
        const action = overrides.get(r.line) ?? defaultAction(r, input);
        const targetId =
          r.match_contact_id ?? (r.match_line === null ? undefined : createdByLine.get(r.match_line));
        if (action === 'skip') result.skipped++;
        // A row whose in-file match was skipped has nothing to merge into: it is created instead.
        else if (action === 'create' || targetId === undefined) {
          const newId = addNewContact(w, ctx, contact);
          createdByLine.set(r.line, newId);
          result.created++;
          if (photoLines.has(r.line)) withPhoto.push([r.line, newId]);
        } else {
          // A photo that failed to normalise in the preview (a warning on its row) gives nothing.
          if (!photoLines.has(r.line)) delete contact.hasPhoto;
          merges.push({ line: r.line, name: r.raw_name ?? '', targetId, contact });
          if (photoLines.has(r.line)) mergePhotos.push([r.line, targetId]);
          // A conflict row stands as a person of its own in the preview: later rows that matched it
          // follow it into the contact it was merged into.
          if (r.status === 'conflict') createdByLine.set(r.line, targetId);
        }
      }
      await insertImportWrites(trx, accountId, w, tagIds, deps.newId);
      await photosFromImport(trx, accountId, id, withPhoto, now);
      if (rows.length <= PAGE) break;
      after = page.at(-1)?.line;
    }

    const merged = await applyMerges(trx, ctx, merges, tagIds, run.format === 'linkedin');
    result.merged = merges.length;
    // A merge fills an empty photo and never replaces one (as with every other field but company and title).
    await photosFromImport(trx, accountId, id, mergePhotos, now);
    await deleteImportRowPhotos(trx, accountId, id);
    result.lifeEvents = merged.lifeEvents;
    // Derived columns of merged contacts stay right: a merge touches no interaction, cadence or circle.
    // New contacts got their search rows with their inserts; merged ones are rebuilt from the database.
    for (const part of chunks(merged.ids)) await reindexContacts(trx, accountId, part);
    const counts: StoredCounts = { ...previewed, result };
    await updateImportRun(trx, accountId, id, { counts: JSON.stringify(counts) });
    // A generic CSV's copy of the file is needed only while its mapping can change.
    await deleteImportUpload(trx, accountId, id);
    return getImport(deps, accountId, id, trx);
  });
}

function defaultAction(r: CommitRowRow, input: ImportCommit): RowAction {
  if (r.status === 'duplicate') return input.defaults.duplicate;
  if (r.status === 'merge') return input.defaults.merge;
  // Never merge two people by default: a conflict becomes its own contact unless chosen otherwise.
  if (r.status === 'conflict') return input.defaults.conflict;
  return 'create';
}

/** Per-row choices must name rows of this file that can take them; a typo is a 400, not a silent skip. */
async function checkOverrides(
  db: Conn,
  accountId: string,
  runId: string,
  rows: Record<string, RowAction>,
): Promise<Map<number, RowAction>> {
  const out = new Map(Object.entries(rows).map(([line, action]) => [Number(line), action] as const));
  const statuses = await importRowStatuses(db, accountId, runId, [...out.keys()]);
  for (const [line, action] of out) {
    const status = statuses.get(line);
    const field = `rows.${line}`;
    if (!status) throw new Invalid(`the file has no row at line ${line}`, field);
    if (status === 'error')
      throw new Invalid(`row ${line} could not be read, so it cannot be imported`, field);
    if (status === 'new' && action === 'merge')
      throw new Invalid(`row ${line} matches no contact, so there is nothing to merge it into`, field);
  }
  return out;
}

/** Merges rows into their targets, all rows of one target at once; fails if a target is gone. */
async function applyMerges(
  db: Conn,
  ctx: CommitContext,
  merges: PendingMerge[],
  tagIds: TagIds,
  detectRole: boolean,
): Promise<{ ids: string[]; lifeEvents: number }> {
  const byTarget = new Map<string, PendingMerge[]>();
  for (const m of merges) byTarget.set(m.targetId, [...(byTarget.get(m.targetId) ?? []), m]);
  const ids = [...byTarget.keys()];
  const targets = await loadMergeTargets(db, ctx.accountId, ids);
  const w = emptyWrites();
  const updates: [string, Partial<NewRow<'contacts'>>][] = [];
  let lifeEvents = 0;
  for (const [targetId, rows] of byTarget) {
    const target = targets.get(targetId);
    if (!target) {
      const first = rows[0]!;
      throw new Conflict(
        `row ${first.line} (${first.name}) matched a contact that has been deleted since the preview; ` +
          'nothing was imported. Upload the file again for a fresh preview.',
      );
    }
    const { update, newRole } = mergeInto(
      w,
      ctx,
      target,
      rows.map((r) => r.contact),
      detectRole,
    );
    if (update) updates.push([targetId, update]);
    if (newRole) lifeEvents++;
  }
  for (const [id, update] of updates) await updateContact(db, ctx.accountId, id, update);
  await insertImportWrites(db, ctx.accountId, w, tagIds, ctx.newId);
  return { ids: updates.map(([id]) => id), lifeEvents };
}
