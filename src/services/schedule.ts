import { nextDueAt } from '../core/cadence';
import { followUpForNewContact } from '../core/follow-ups';
import { type HealthInteraction, storedHealthScore } from '../core/health';
import { findCircle, listCircles } from '../store/circles.repo';
import { updateDerivedColumns } from '../store/contact-derived.repo';
import { findContact, updateContact } from '../store/contacts.repo';
import {
  type InteractionSummary,
  interactionSummaries,
  interactionSummary,
  type ScheduleContactRow,
  scheduleContacts,
} from '../store/schedule.repo';
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
  const summary = await interactionSummary(db, accountId, contactId);
  const now = deps.clock().toISOString();
  const interactions = (await yearOfInteractions(db, accountId, now, [contactId])).get(contactId) ?? [];
  await updateContact(db, accountId, contactId, derivedColumns(row, circle, summary, interactions, now));
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

const NO_INTERACTIONS: InteractionSummary = { lastAt: null, lastInboundAt: null, lastInboundChannel: null };

/**
 * refreshSchedule (without creation's follow-up) of many contacts at once: the contacts, their
 * circles, their latest interactions and their year of history are read in a few set-based
 * statements, then one UPDATE per contact. Capture writes batches of hundreds of interactions.
 */
export async function refreshSchedules(
  deps: Deps,
  db: Conn,
  accountId: string,
  contactIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return;
  const rows = await scheduleContacts(db, accountId, ids);
  const circles = rows.some((r) => r.circle_id)
    ? new Map((await listCircles(db, accountId)).map((c) => [c.id, c]))
    : new Map();
  const summaries = await interactionSummaries(db, accountId, ids);
  const now = deps.clock().toISOString();
  const years = await yearOfInteractions(db, accountId, now, ids);
  await updateDerivedColumns(
    db,
    accountId,
    rows.map((row) => {
      const circle = row.circle_id ? circles.get(row.circle_id) : undefined;
      const summary = summaries.get(row.id) ?? NO_INTERACTIONS;
      return { id: row.id, ...derivedColumns(row, circle, summary, years.get(row.id) ?? [], now) };
    }),
  );
}

/** The derived columns of one contact from its row, circle, latest interactions and year of history. */
function derivedColumns(
  row: ScheduleContactRow,
  circle: Parameters<typeof contactCadence>[1],
  summary: InteractionSummary,
  interactions: HealthInteraction[],
  now: string,
) {
  const cadence = contactCadence(row, circle);
  const last = summary.lastAt;
  return {
    health_score: storedHealthScore(
      { cadence, lastMeaningfulAt: last, createdAt: row.created_at, interactions },
      now,
    ),
    health_computed_at: now,
    last_interaction_at: last,
    last_meaningful_at: last,
    last_inbound_at: summary.lastInboundAt,
    last_reply_channel: summary.lastInboundChannel,
    next_due_at: nextDueAt(last, cadence, row.created_at),
  };
}
