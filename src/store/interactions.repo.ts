import type { Insertable, Selectable } from 'kysely';
import type { Db, InteractionsTable } from './database';

export type InteractionRow = Selectable<InteractionsTable>;

export async function insertInteraction(db: Db, row: Insertable<InteractionsTable>): Promise<void> {
  await db.insertInto('interactions').values(row).execute();
}

export async function findInteraction(
  db: Db,
  accountId: string,
  id: string,
): Promise<InteractionRow | undefined> {
  return db
    .selectFrom('interactions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Newest first, for the timeline. */
export async function listInteractions(
  db: Db,
  accountId: string,
  contactId: string,
  limit = 500,
): Promise<InteractionRow[]> {
  return db
    .selectFrom('interactions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function updateInteraction(
  db: Db,
  accountId: string,
  id: string,
  values: Partial<InteractionRow>,
): Promise<void> {
  // An empty PATCH is a no-op: Kysely would build `UPDATE … SET WHERE`, a syntax error (a 500).
  if (Object.values(values).every((v) => v === undefined)) return;
  await db
    .updateTable('interactions')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export async function deleteInteraction(db: Db, accountId: string, id: string): Promise<void> {
  await db.deleteFrom('interactions').where('account_id', '=', accountId).where('id', '=', id).execute();
}
