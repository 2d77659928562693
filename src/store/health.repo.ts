import type { ContactRow } from './contacts.repo';
import type { Db } from './database';

export interface HealthInteractionRow {
  contact_id: string;
  direction: string;
  channel: string;
  occurred_at: string;
  awaiting_reply: number;
}

/** The interactions since `since` of one contact (or of the whole account), for health and capacity. */
export async function interactionsSince(
  db: Db,
  accountId: string,
  since: string,
  contactId?: string,
): Promise<HealthInteractionRow[]> {
  let q = db
    .selectFrom('interactions')
    .select(['contact_id', 'direction', 'channel', 'occurred_at', 'awaiting_reply'])
    .where('account_id', '=', accountId)
    .where('occurred_at', '>=', since);
  if (contactId) q = q.where('contact_id', '=', contactId);
  return q.execute();
}

/** Every contact with a cadence (tracked), for the capacity plan. */
export async function trackedContacts(db: Db, accountId: string): Promise<ContactRow[]> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('tracked', '=', 1)
    .execute();
}
