import type { Channel, Direction } from '../core/vocabulary';
import { kysely } from './conn';
import type { ContactRow } from './contacts.repo';
import type { Conn } from './store';

export interface HealthInteractionRow {
  contact_id: string;
  direction: Direction;
  channel: Channel;
  occurred_at: string;
  awaiting_reply: number;
}

/** The interactions since `since` of these contacts (or of the whole account), for health and capacity. */
export async function interactionsSince(
  conn: Conn,
  accountId: string,
  since: string,
  contactIds?: readonly string[],
): Promise<HealthInteractionRow[]> {
  const db = kysely(conn);
  let q = db
    .selectFrom('interactions')
    .select(['contact_id', 'direction', 'channel', 'occurred_at', 'awaiting_reply'])
    .where('account_id', '=', accountId)
    .where('occurred_at', '>=', since);
  if (contactIds) {
    if (contactIds.length === 0) return [];
    q = q.where('contact_id', 'in', contactIds);
  }
  return q.execute();
}

/** The columns the capacity plan reads: not the whole row, which at 30,000 contacts was 0.7 s of CPU. */
const PLAN_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'circle_id',
  'tracked',
  'cadence_kind',
  'cadence_every',
  'cadence_unit',
  'last_meaningful_at',
  'created_at',
] as const satisfies readonly (keyof ContactRow)[];

export type PlanContactRow = Pick<ContactRow, (typeof PLAN_COLUMNS)[number]>;

/** Every contact with a cadence (tracked), for the capacity plan. */
export async function trackedContacts(conn: Conn, accountId: string): Promise<PlanContactRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('contacts')
    .select(PLAN_COLUMNS)
    .where('account_id', '=', accountId)
    .where('tracked', '=', 1)
    .execute();
}

/** Tracked contacts counted per circle, own cadence columns and holiday country. */
export interface PlanGroupRow
  extends Pick<
    ContactRow,
    'circle_id' | 'cadence_kind' | 'cadence_every' | 'cadence_unit' | 'holiday_country'
  > {
  n: number;
}

/**
 * The tracked contacts grouped by circle, own cadence columns and holiday country: all the capacity
 * plan's totals, its holiday audience and the dashboard's cadence groups need, a few thousand rows at
 * 30,000 contacts. contacts_circle_idx holds these columns in this order, so both databases read the
 * index alone (12 ms on SQLite at 30,000 contacts, against 32 + 39 ms for the two table scans it replaces).
 */
export async function trackedPlanGroups(conn: Conn, accountId: string): Promise<PlanGroupRow[]> {
  const db = kysely(conn);
  const rows = await db
    .selectFrom('contacts')
    .select([
      'circle_id',
      'cadence_kind',
      'cadence_every',
      'cadence_unit',
      'holiday_country',
      (eb) => eb.fn.countAll<string | number>().as('n'),
    ])
    .where('account_id', '=', accountId)
    .where('tracked', '=', 1)
    .groupBy(['circle_id', 'cadence_kind', 'cadence_every', 'cadence_unit', 'holiday_country'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Contacts of any account whose stored health was computed before `before` (or never), oldest first. */
export async function staleHealthContacts(conn: Conn, before: string, limit: number): Promise<ContactRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('contacts')
    .selectAll()
    .where((eb) => eb.or([eb('health_computed_at', 'is', null), eb('health_computed_at', '<', before)]))
    .limit(limit)
    .execute();
}

/** Stores one contact's rescored health. */
export async function setHealthScore(
  conn: Conn,
  accountId: string,
  id: string,
  score: number | null,
  computedAt: string,
): Promise<void> {
  const db = kysely(conn);
  await db
    .updateTable('contacts')
    .set({ health_score: score, health_computed_at: computedAt })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

/** Marks these contacts' stored health as computed at `computedAt` (their score did not change). */
export async function touchHealthComputed(
  conn: Conn,
  accountId: string,
  ids: readonly string[],
  computedAt: string,
): Promise<void> {
  if (ids.length === 0) return;
  const db = kysely(conn);
  await db
    .updateTable('contacts')
    .set({ health_computed_at: computedAt })
    .where('account_id', '=', accountId)
    .where('id', 'in', ids)
    .execute();
}
