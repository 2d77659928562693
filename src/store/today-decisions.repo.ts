import type { Db } from './database';

export type DecisionKind = 'done' | 'snooze' | 'skip';

/** Records the queue decision for a contact, replacing the one before (one per contact). */
export async function replaceDecision(
  db: Db,
  row: { account_id: string; contact_id: string; kind: DecisionKind; until_at: string; created_at: string },
): Promise<void> {
  await db
    .deleteFrom('queue_decisions')
    .where('account_id', '=', row.account_id)
    .where('contact_id', '=', row.contact_id)
    .execute();
  await db.insertInto('queue_decisions').values(row).execute();
}
