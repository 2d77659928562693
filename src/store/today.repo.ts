import type { Selectable } from 'kysely';
import type { ContactsTable, Db } from './database';

export interface CandidateWindow {
  now: string;
  /** How many of the most-due contacts to consider for cadence reasons. */
  cadenceLimit: number;
  taskHorizon: string;
  /** (month, day) pairs from yesterday to the longest lead ahead, with the lead each needs. */
  datePairs: { month: number; day: number; minLead: number }[];
  lifeEventsSince: string;
  retryFrom: string;
  retryTo: string;
}

/**
 * Contact ids that may have a reason today, each list read through its own index so the queue never
 * scans the network or its history: most-due contacts, open tasks, upcoming dates, fresh life events and
 * unanswered outreach old enough for a retry. Snoozed and skipped contacts are left out here already.
 */
export async function todayCandidates(
  db: Db,
  accountId: string,
  w: CandidateWindow,
): Promise<{ all: string[]; retry: string[] }> {
  const hidden = db
    .selectFrom('queue_decisions')
    .select('contact_id')
    .where('account_id', '=', accountId)
    .where('until_at', '>', w.now);
  const [due, tasks, dates, events, retries] = await Promise.all([
    db
      .selectFrom('contacts')
      .select('id')
      .where('account_id', '=', accountId)
      .where('next_due_at', '<=', w.now)
      .where('id', 'not in', hidden)
      .orderBy('next_due_at')
      .orderBy('id')
      .limit(w.cadenceLimit)
      .execute(),
    db
      .selectFrom('tasks')
      .select('contact_id as id')
      .where('account_id', '=', accountId)
      .where('done_at', 'is', null)
      .where('due_at', '<=', w.taskHorizon)
      .where('contact_id', 'is not', null)
      .execute(),
    w.datePairs.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('important_dates')
          .select('contact_id as id')
          // account_id inside every term, not once outside: then each term is one range of the day index
          // (SQLite's multi-index OR, PostgreSQL's BitmapOr) instead of a scan of the account's dates.
          .where((eb) =>
            eb.or(
              w.datePairs.map((p) =>
                eb.and([
                  eb('account_id', '=', accountId),
                  eb('month', '=', p.month),
                  eb('day', '=', p.day),
                  eb('lead_days', '>=', p.minLead),
                ]),
              ),
            ),
          )
          .execute(),
    db
      .selectFrom('life_events')
      .select('contact_id as id')
      .where('account_id', '=', accountId)
      .where('occurred_on', '>=', w.lifeEventsSince)
      .execute(),
    db
      .selectFrom('interactions')
      .innerJoin('contacts', (j) =>
        j
          .onRef('contacts.account_id', '=', 'interactions.account_id')
          .onRef('contacts.id', '=', 'interactions.contact_id'),
      )
      .select('interactions.contact_id as id')
      .where('interactions.account_id', '=', accountId)
      .where('interactions.awaiting_reply', '=', 1)
      .where('interactions.occurred_at', '>=', w.retryFrom)
      .where('interactions.occurred_at', '<=', w.retryTo)
      .where((eb) =>
        eb.or([
          eb('contacts.last_inbound_at', 'is', null),
          eb('contacts.last_inbound_at', '<', eb.ref('interactions.occurred_at')),
        ]),
      )
      .execute(),
  ]);
  const ids = new Set<string>();
  for (const list of [due, tasks, dates, events, retries]) for (const r of list) if (r.id) ids.add(r.id);
  return { all: [...ids], retry: [...new Set(retries.map((r) => r.id))] };
}

export interface TodayRows {
  contacts: Selectable<ContactsTable>[];
  circles: { id: string; kind: string }[];
  dates: {
    contact_id: string;
    kind: string;
    month: number;
    day: number;
    year: number | null;
    lead_days: number;
  }[];
  events: { contact_id: string; kind: string; occurred_on: string }[];
  tasks: { contact_id: string | null; id: string; kind: string; title: string; due_at: string }[];
  decisions: { contact_id: string; until_at: string }[];
  recent: {
    contact_id: string;
    direction: string;
    occurred_at: string;
    awaiting_reply: number;
    retry_step: number;
  }[];
}

/** Everything the queue needs about these contacts, one query per table. */
export async function loadTodayRows(
  db: Db,
  accountId: string,
  ids: string[],
  w: {
    taskHorizon: string;
    lifeEventsSince: string;
    recentSince: string;
    retryIds: string[];
    retryFrom: string;
  },
): Promise<TodayRows> {
  if (ids.length === 0)
    return { contacts: [], circles: [], dates: [], events: [], tasks: [], decisions: [], recent: [] };
  const [contacts, circles, dates, events, tasks, decisions, recent, older] = await Promise.all([
    db
      .selectFrom('contacts')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('id', 'in', ids)
      .execute(),
    db.selectFrom('circles').select(['id', 'kind']).where('account_id', '=', accountId).execute(),
    db
      .selectFrom('important_dates')
      .select(['contact_id', 'kind', 'month', 'day', 'year', 'lead_days'])
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids)
      .execute(),
    db
      .selectFrom('life_events')
      .select(['contact_id', 'kind', 'occurred_on'])
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids)
      .where('occurred_on', '>=', w.lifeEventsSince)
      .execute(),
    db
      .selectFrom('tasks')
      .select(['contact_id', 'id', 'kind', 'title', 'due_at'])
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids)
      .where('done_at', 'is', null)
      .where('due_at', '<=', w.taskHorizon)
      .execute(),
    db
      .selectFrom('queue_decisions')
      .select(['contact_id', 'until_at'])
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids)
      .execute(),
    db
      .selectFrom('interactions')
      .select(['contact_id', 'direction', 'occurred_at', 'awaiting_reply', 'retry_step'])
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids)
      .where('occurred_at', '>=', w.recentSince)
      .execute(),
    // Contacts with unanswered outreach also need what happened since it, for the back-off state.
    w.retryIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('interactions')
          .select(['contact_id', 'direction', 'occurred_at', 'awaiting_reply', 'retry_step'])
          .where('account_id', '=', accountId)
          .where('contact_id', 'in', w.retryIds)
          .where('occurred_at', '>=', w.retryFrom)
          .where('occurred_at', '<', w.recentSince)
          .execute(),
  ]);
  return { contacts, circles, dates, events, tasks, decisions, recent: [...older, ...recent] };
}
