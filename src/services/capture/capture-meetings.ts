import type { Meeting } from '../../capture/ics-events';
import type { CaptureRun } from '../../contract/capture';
import type { CaptureContext } from '../../core/capture-rules';
import { decideMeeting } from '../../core/meeting-capture';
import {
  forgetCapturedKeys,
  interactionTimes,
  replaceSourceMeetings,
} from '../../store/calendar-meetings.repo';
import {
  addSuggestions,
  capturedByKeys,
  insertCapturedItems,
  type SourceRow,
  updateSource,
} from '../../store/capture.repo';
import type { NewRow } from '../../store/database';
import { deleteInteractions, updateInteraction } from '../../store/interactions.repo';
import type { Deps } from '../deps';
import { recordInteractionsIn } from '../interactions.service';
import { refreshSchedules } from '../schedule';
import { tallyStrangers } from './stranger-tally';

type Skip = keyof CaptureRun['skipped'];

/**
 * Writes one read of a calendar in one transaction, so a failed sync changes nothing. A past
 * meeting with a contact becomes an interaction (title as summary, never the description) with
 * the takeaway task of a logged meeting; one already captured under its UID + occurrence is
 * updated when it moved, and removed when it was cancelled or moved into the future. Meetings of
 * the next 36 hours replace the source's upcoming meetings (Today's `meeting` reasons).
 */
export async function writeMeetings(
  deps: Deps,
  source: SourceRow,
  ctx: CaptureContext,
  meetings: readonly Meeting[],
  run: CaptureRun,
): Promise<void> {
  const accountId = source.account_id;
  const now = deps.clock().toISOString();
  const skip = (reason: Skip) => {
    run.skipped[reason] = (run.skipped[reason] ?? 0) + 1;
  };
  await deps.store.transaction(async (tx) => {
    const known = await capturedByKeys(
      tx,
      accountId,
      meetings.map((m) => m.key),
    );
    const captured = new Map(known.map((k) => [`${k.item_key}\n${k.contact_id}`, k]));
    const logged = new Map(
      (
        await interactionTimes(
          tx,
          accountId,
          known.map((k) => k.interaction_id),
        )
      ).map((i) => [i.id, i]),
    );
    const ofThisSource = (key: string) =>
      known.filter((k) => k.item_key === key && k.source_id === source.id);
    const gone: string[] = [];
    const touched = new Set<string>();
    const interactions: NewRow<'interactions'>[] = [];
    const items: NewRow<'captured_items'>[] = [];
    const upcoming: NewRow<'calendar_meetings'>[] = [];
    const strangers = new Map<string, NewRow<'capture_suggestions'>>();
    for (const m of meetings) {
      const d = decideMeeting(m, ctx);
      const future = m.startsAt > now;
      // Cancelled, or moved to later: what was captured of it did not happen (yet).
      if ((d.kind === 'skip' && d.reason === 'cancelled') || (future && ofThisSource(m.key).length > 0))
        gone.push(m.key);
      if (d.kind === 'skip') {
        skip(d.reason);
        if (d.reason === 'unknown' && !future) noteStrangers(strangers, accountId, d.strangers, m);
        continue;
      }
      if (future) {
        skip('upcoming');
        for (const contactId of d.contactIds)
          upcoming.push({
            account_id: accountId,
            source_id: source.id,
            item_key: m.key,
            contact_id: contactId,
            starts_at: m.startsAt,
            all_day: m.allDay ? 1 : 0,
            title: m.title,
          });
        continue;
      }
      let added = false;
      for (const contactId of d.contactIds) {
        const k = `${m.key}\n${contactId}`;
        const before = captured.get(k);
        if (before) {
          const row = logged.get(before.interaction_id);
          if (row && (row.occurred_at !== m.startsAt || row.summary !== m.title)) {
            await updateInteraction(tx, accountId, row.id, { occurred_at: m.startsAt, summary: m.title });
            touched.add(contactId);
          }
          continue;
        }
        const id = deps.newId();
        captured.set(k, {
          account_id: accountId,
          item_key: m.key,
          contact_id: contactId,
          source_id: source.id,
          interaction_id: id,
          direction: d.direction,
        });
        interactions.push({
          account_id: accountId,
          id,
          contact_id: contactId,
          channel: d.channel,
          direction: d.direction,
          occurred_at: m.startsAt,
          summary: m.title,
          topics: '[]',
          awaiting_reply: 0,
          retry_step: 0,
          created_at: now,
        });
        items.push({
          account_id: accountId,
          source_id: source.id,
          item_key: m.key,
          contact_id: contactId,
          interaction_id: id,
          direction: d.direction,
        });
        added = true;
      }
      if (!added) skip('duplicate');
    }
    const removed = gone.flatMap(ofThisSource);
    await deleteInteractions(
      tx,
      accountId,
      removed.map((r) => r.interaction_id),
    );
    await forgetCapturedKeys(tx, accountId, source.id, gone);
    for (const r of removed) touched.add(r.contact_id);
    await recordInteractionsIn(deps, tx, accountId, interactions);
    for (const i of interactions) touched.delete(i.contact_id);
    await refreshSchedules(deps, tx, accountId, [...touched]);
    await insertCapturedItems(tx, items);
    await replaceSourceMeetings(tx, accountId, source.id, upcoming);
    await addSuggestions(tx, [...strangers.values()]);
    const skipped = Object.values(run.skipped).reduce((a, b) => a + b, 0);
    // A calendar is read whole each time: its counts are the last read's, not a running total.
    await updateSource(tx, accountId, source.id, {
      seen: run.seen,
      captured: source.captured + interactions.length - removed.length,
      skipped,
      failed: run.failed,
    });
    run.captured += interactions.length;
  });
}

function noteStrangers(
  into: Map<string, NewRow<'capture_suggestions'>>,
  accountId: string,
  strangers: readonly string[],
  m: Meeting,
): void {
  const names = new Map(m.attendees.map((a) => [a.address.toLowerCase(), a.name]));
  tallyStrangers(into, accountId, strangers, names, m.startsAt);
}
