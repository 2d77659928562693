import { nextDueAt } from '../core/cadence';
import { followUpForNewContact } from '../core/follow-ups';
import { storedHealthScore } from '../core/health';
import { findCircle } from '../store/circles.repo';
import { findContact, updateContact } from '../store/contacts.repo';
import { interactionSummary } from '../store/schedule.repo';
import type { Conn } from '../store/store';
import { insertTask } from '../store/tasks.repo';
import { contactCadence, displayName } from './contact-dto';
import type { Deps } from './deps';
import { yearOfInteractions } from './health-interactions';

/**
 * Recomputes a contact's derived columns (last interaction, next due, health score) inside the
 * caller's transaction, so the Today queue and the contacts list read them and never scan history. On creation with a
 * met-on date, it also plans the 24–48 h follow-up (F6).
 */
export async function refreshSchedule(
  deps: Deps,
  db: Conn,
  accountId: string,
  contactId: string,
  opts: { created: boolean },
): Promise<void> {
  const row = await findContact(db, accountId, contactId);
  if (!row) return;
  const circle = row.circle_id ? await findCircle(db, accountId, row.circle_id) : undefined;
  const {
    lastAt: last,
    lastInboundAt,
    lastInboundChannel,
  } = await interactionSummary(db, accountId, contactId);
  const cadence = contactCadence(row, circle);
  const now = deps.clock().toISOString();
  const interactions = (await yearOfInteractions(db, accountId, now, [contactId])).get(contactId) ?? [];
  await updateContact(db, accountId, contactId, {
    health_score: storedHealthScore(
      { cadence, lastMeaningfulAt: last, createdAt: row.created_at, interactions },
      now,
    ),
    health_computed_at: now,
    last_interaction_at: last,
    last_meaningful_at: last,
    last_inbound_at: lastInboundAt,
    last_reply_channel: lastInboundChannel,
    next_due_at: nextDueAt(last, cadence, row.created_at),
  });
  if (opts.created && row.met_on) {
    const task = followUpForNewContact(row.met_on, displayName(row), row.time_zone);
    // A contact met long ago (e.g. typed in from memory) needs no "follow up within 48 h".
    if (task.windowEnd > deps.clock().toISOString()) {
      await insertTask(db, {
        account_id: accountId,
        id: deps.newId(),
        contact_id: contactId,
        kind: task.kind,
        title: task.title,
        due_at: task.dueAt,
        done_at: null,
        created_at: deps.clock().toISOString(),
      });
    }
  }
}
