import type { DecisionKind } from '../core/vocabulary';
import { kysely } from './conn';
import type { Conn } from './store';

export type { DecisionKind };

/** Records the queue decision for a contact, replacing the one before (one per contact). */
export async function replaceDecision(
  conn: Conn,
  row: { account_id: string; contact_id: string; kind: DecisionKind; until_at: string; created_at: string },
): Promise<void> {
  const db = kysely(conn);
  await db
    .deleteFrom('queue_decisions')
    .where('account_id', '=', row.account_id)
    .where('contact_id', '=', row.contact_id)
    .execute();
  await db.insertInto('queue_decisions').values(row).execute();
}
