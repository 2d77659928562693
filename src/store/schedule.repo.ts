import { sql } from 'kysely';
import type { Db } from './database';

/** Latest interaction of one contact: an indexed lookup on (account_id, contact_id, occurred_at). */
export async function lastInteractionAt(
  db: Db,
  accountId: string,
  contactId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('interactions')
    .select(sql<string | null>`max(occurred_at)`.as('last'))
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  return row?.last ?? null;
}
