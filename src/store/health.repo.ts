import { kysely } from './conn';
import type { ContactRow } from './contacts.repo';
import type { Conn } from './store';

export interface HealthInteractionRow {
  contact_id: string;
  direction: string;
  channel: string;
  occurred_at: string;
  awaiting_reply: number;
}

/** The interactions since `since` of one contact (or of the whole account), for health and capacity. */
export async function interactionsSince(
  conn: Conn,
  accountId: string,
  since: string,
  contactId?: string,
): Promise<HealthInteractionRow[]> {
  const db = kysely(conn);
  let q = db
    .selectFrom('interactions')
    .select(['contact_id', 'direction', 'channel', 'occurred_at', 'awaiting_reply'])
    .where('account_id', '=', accountId)
    .where('occurred_at', '>=', since);
  if (contactId) q = q.where('contact_id', '=', contactId);
  return q.execute();
}

/** Every contact with a cadence (tracked), for the capacity plan. */
export async function trackedContacts(conn: Conn, accountId: string): Promise<ContactRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('tracked', '=', 1)
    .execute();
}
