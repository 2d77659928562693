import type { Insertable, Selectable } from 'kysely';
import { chunks, insertMany } from './chunks';
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

/** Many interactions at once (capture writes a batch of messages per transaction). */
export async function insertInteractions(
  db: Db,
  rows: readonly Insertable<InteractionsTable>[],
): Promise<void> {
  if (rows.length > 0) await insertMany(db, 'interactions', rows);
}

export async function deleteInteractions(db: Db, accountId: string, ids: readonly string[]): Promise<void> {
  for (const part of chunks(ids)) {
    if (part.length > 0)
      await db
        .deleteFrom('interactions')
        .where('account_id', '=', accountId)
        .where('id', 'in', part)
        .execute();
  }
}
