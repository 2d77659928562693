import type { Insertable, Selectable } from 'kysely';
import { kysely } from './conn';
import type { FactsTable } from './database';
import type { Conn } from './store';

export type FactRow = Selectable<FactsTable>;

export async function insertFact(conn: Conn, row: Insertable<FactsTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('facts').values(row).execute();
}

export async function findFact(conn: Conn, accountId: string, id: string): Promise<FactRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('facts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Pinned first, then in the order they were written down. */
export async function listFacts(conn: Conn, accountId: string, contactId: string): Promise<FactRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('facts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .orderBy('pinned', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .limit(1000)
    .execute();
}

export async function updateFact(
  conn: Conn,
  accountId: string,
  id: string,
  values: Partial<FactRow>,
): Promise<void> {
  const db = kysely(conn);
  // An empty PATCH is a no-op: Kysely would build `UPDATE … SET WHERE`, a syntax error (a 500).
  if (Object.values(values).every((v) => v === undefined)) return;
  await db
    .updateTable('facts')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export async function deleteFact(conn: Conn, accountId: string, id: string): Promise<void> {
  const db = kysely(conn);
  await db.deleteFrom('facts').where('account_id', '=', accountId).where('id', '=', id).execute();
}
