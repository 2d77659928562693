import type { MailItem } from '../../capture/mail-message';
import { type CaptureRun, SKIP_REASONS, type SourceSettings } from '../../contract/capture';
import { type CaptureContext, normaliseAddress } from '../../core/capture-rules';
import {
  accountAddresses,
  addSourceCounts,
  addSuggestions,
  captureDirectory,
  capturedByKeys,
  insertCapturedItems,
  type SourceRow,
} from '../../store/capture.repo';
import { chunks } from '../../store/chunks';
import type { NewRow } from '../../store/database';
import type { Deps } from '../deps';
import { addInteractionsIn, recordInteractionsIn } from '../interactions.service';
import { refreshSchedules } from '../schedule';
import { addToBatch, countSkip, emptyBatch, type MailBatch } from './mail-batch';

/** Messages per transaction: a crash keeps whole batches, and a batch costs one key lookup. */
export const BATCH = 500;
/**
 * Messages per transaction for a file read in one go (an mbox): fewer, larger commits write each
 * touched page of interactions, captured keys and their indexes once per batch. With the schedules
 * refreshed at the end of the file, the 100,000-message bench took 10.4–11.3 s of CPU and 268 MB at
 * 2,500, 10.8–11.6 s and 295 MB at 5,000 (bench/RESULTS.md). A failed file keeps its committed
 * batches; importing it again skips them as duplicates.
 */
export const FILE_BATCH = 2500;
/** Contacts whose schedules one transaction refreshes at the end of a file: a short hold on the database each. */
export const SCHEDULES_PER_TRANSACTION = 2000;
const MAX_ERRORS_KEPT = 20;

/** A message as a source delivers it: `sent` when it came from the user's Sent mailbox. */
export type SourceMail = MailItem & { sent?: boolean };

/** Who is who for one sync: built once, so matching a message is a few map look-ups. */
export async function captureContext(
  deps: Deps,
  source: SourceRow,
  settings: SourceSettings,
): Promise<CaptureContext> {
  const db = deps.store.read;
  const directory = new Map<string, { id: string; capture: boolean }>();
  // Sorted so that an address two contacts share always goes to the same one (never merged).
  const rows = (await captureDirectory(db, source.account_id)).sort((a, b) =>
    a.contact_id < b.contact_id ? -1 : 1,
  );
  for (const r of rows) {
    const key = normaliseAddress(r.value);
    if (!directory.has(key)) directory.set(key, { id: r.contact_id, capture: r.capture === 1 });
  }
  const own = [...(await accountAddresses(db, source.account_id)), ...settings.ownAddresses];
  if (settings.user?.includes('@')) own.push(settings.user);
  return {
    own: new Set(own.map(normaliseAddress)),
    excludedDomains: new Set(settings.excludedDomains),
    contactOf: (a) => directory.get(a),
  };
}

export function emptyRun(): CaptureRun {
  return { seen: 0, captured: 0, skipped: {}, failed: 0, errors: [] };
}

export interface CaptureMailOptions {
  /** Called after each committed batch (IMAP saves its resume point here). */
  afterBatch?: () => Promise<void>;
  batchSize?: number;
  /**
   * When the contacts' derived columns (last interaction, next due, health) follow:
   * - 'each-batch': in every batch's own transaction, so a sync cut off anywhere (a mailbox over
   *   the network) leaves each committed batch whole;
   * - 'at-end': once per contact after the last batch, also when the file fails mid-way. A file
   *   met the same contacts in batch after batch: 100,000 messages refreshed 58,000 contact rows in
   *   20 batches of 5,000 and 26,700 at the end, and the refresh was most of a capture's CPU. Until then
   *   Today still shows those contacts as before. A process killed mid-file leaves its committed
   *   contacts behind; importing the file again refreshes every contact it meets, duplicates too.
   */
  schedules?: 'each-batch' | 'at-end';
}

/**
 * Turns a stream of messages into interactions, BATCH messages per transaction. Idempotent: a
 * message already captured for a contact (by Message-ID, through any source) is a duplicate, so
 * re-reading a mailbox or an mbox adds nothing. Outbound mail awaits a reply unless it answers theirs.
 */
export async function captureMail(
  deps: Deps,
  source: SourceRow,
  ctx: CaptureContext,
  items: AsyncIterable<SourceMail>,
  run: CaptureRun = emptyRun(),
  { afterBatch, batchSize = BATCH, schedules = 'each-batch' }: CaptureMailOptions = {},
): Promise<CaptureRun> {
  let batch = emptyBatch();
  const met = new Set<string>();
  const flush = async () => {
    const contacts = await writeBatch(deps, source, batch, run, schedules === 'each-batch');
    if (schedules === 'at-end') for (const id of contacts) met.add(id);
    batch = emptyBatch();
    if (afterBatch) await afterBatch();
  };
  // In id order, so each transaction rewrites neighbouring contact rows: 26,700 contacts in
  // random order took 3.4 s of CPU, sorted 2.2 s (fewer pages of contacts touched per transaction).
  const refreshMet = async () => {
    const ids = [...met].sort();
    for (const part of chunks(ids, SCHEDULES_PER_TRANSACTION))
      await deps.store.transaction((tx) => refreshSchedules(deps, tx, source.account_id, part));
  };
  try {
    for await (const item of items) {
      run.seen++;
      if (item.ok) addToBatch(batch, source.account_id, ctx, item.message, item.sent ?? false);
      else {
        batch.failed++;
        run.failed++;
        if (run.errors.length < MAX_ERRORS_KEPT) run.errors.push(item.error);
      }
      if (batch.messages + batch.failed >= batchSize) await flush();
    }
    if (batch.messages + batch.failed > 0) await flush();
  } catch (error) {
    // The batches already written still get their schedules, but the failure that stopped the
    // capture is the one reported, not whatever the refresh then ran into.
    await refreshMet().catch(() => undefined);
    throw error;
  }
  await refreshMet();
  return run;
}

async function writeBatch(
  deps: Deps,
  source: SourceRow,
  batch: MailBatch,
  run: CaptureRun,
  withSchedules: boolean,
): Promise<Set<string>> {
  const accountId = source.account_id;
  /** The contacts of every message not skipped, duplicates included. */
  const met = new Set<string>();
  const now = deps.clock().toISOString();
  const { skipped } = batch;
  await deps.store.transaction(async (tx) => {
    // Only a taken message can be a duplicate or answer a captured one: skipped ones need no look-up.
    const keys = batch.taken.flatMap((m) => (m.inReplyTo ? [m.key, m.inReplyTo] : [m.key]));
    const known = await capturedByKeys(tx, accountId, keys);
    const done = new Set(known.map((k) => `${k.item_key}\n${k.contact_id}`));
    const inbound = new Set(
      known.filter((k) => k.direction === 'inbound').map((k) => `${k.item_key}\n${k.contact_id}`),
    );
    const interactions: NewRow<'interactions'>[] = [];
    const items: {
      item_key: string;
      contact_id: string;
      interaction_id: string;
      direction: 'inbound' | 'outbound';
    }[] = [];
    for (const m of batch.taken) {
      let added = false;
      for (const contactId of m.contactIds) {
        met.add(contactId);
        const k = `${m.key}\n${contactId}`;
        if (done.has(k)) continue;
        done.add(k);
        if (m.direction === 'inbound') inbound.add(k);
        const id = deps.newId();
        // A reply to their message answers them; anything else I send waits for their answer (F17).
        const answersThem = m.inReplyTo !== null && inbound.has(`${m.inReplyTo}\n${contactId}`);
        interactions.push({
          account_id: accountId,
          id,
          contact_id: contactId,
          channel: 'email',
          direction: m.direction,
          occurred_at: m.date,
          summary: m.subject,
          topics: '[]',
          awaiting_reply: m.direction === 'outbound' && !answersThem ? 1 : 0,
          retry_step: 0,
          created_at: now,
        });
        items.push({ item_key: m.key, contact_id: contactId, interaction_id: id, direction: m.direction });
        added = true;
      }
      if (!added) countSkip(skipped, 'duplicate');
    }
    await (withSchedules ? recordInteractionsIn : addInteractionsIn)(deps, tx, accountId, interactions);
    await insertCapturedItems(
      tx,
      items.map((i) => ({ account_id: accountId, source_id: source.id, ...i })),
    );
    await addSuggestions(tx, [...batch.strangers.values()]);
    const skippedTotal = Object.values(skipped).reduce((a, b) => a + b, 0);
    await addSourceCounts(tx, accountId, source.id, {
      seen: batch.messages + batch.failed,
      captured: batch.messages - skippedTotal,
      skipped: skippedTotal,
      failed: batch.failed,
    });
    run.captured += interactions.length;
  });
  for (const reason of SKIP_REASONS) {
    const n = skipped[reason];
    if (n) run.skipped[reason] = (run.skipped[reason] ?? 0) + n;
  }
  return met;
}
