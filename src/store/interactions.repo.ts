import type { Insertable, Selectable, Updateable } from 'kysely';
import { chunks, insertMany } from './chunks';
import { kysely } from './conn';
import type { InteractionsTable } from './database';
import { decodeStrings } from './json-columns';
import type { Conn } from './store';

/** An interaction as services read it: `topics` decoded from its JSON text. */
export type InteractionRow = Omit<Selectable<InteractionsTable>, 'topics'> & { topics: string[] };

/** Columns a PATCH changes, as stored (topics as JSON text). */
export type InteractionChanges = Updateable<InteractionsTable>;

const decoded = (r: Selectable<InteractionsTable>): InteractionRow => ({
  ...r,
  topics: decodeStrings(r.topics, 'interactions.topics'),
});

export async function insertInteraction(conn: Conn, row: Insertable<InteractionsTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('interactions').values(row).execute();
}

export async function findInteraction(
  conn: Conn,
  accountId: string,
  id: string,
): Promise<InteractionRow | undefined> {
  const db = kysely(conn);
  const row = await db
    .selectFrom('interactions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && decoded(row);
}

/** Newest first, for the timeline. */
export async function listInteractions(
  conn: Conn,
  accountId: string,
  contactId: string,
  limit = 500,
): Promise<InteractionRow[]> {
  const db = kysely(conn);
  const rows = await db
    .selectFrom('interactions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(decoded);
}

export async function updateInteraction(
  conn: Conn,
  accountId: string,
  id: string,
  values: InteractionChanges,
): Promise<void> {
  const db = kysely(conn);
  // An empty PATCH is a no-op: Kysely would build `UPDATE … SET WHERE`, a syntax error (a 500).
  if (Object.values(values).every((v) => v === undefined)) return;
  await db
    .updateTable('interactions')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export async function deleteInteraction(conn: Conn, accountId: string, id: string): Promise<void> {
  const db = kysely(conn);
  await db.deleteFrom('interactions').where('account_id', '=', accountId).where('id', '=', id).execute();
}

/** Many interactions at once (capture writes a batch of messages per transaction). */
export async function insertInteractions(
  conn: Conn,
  rows: readonly Insertable<InteractionsTable>[],
): Promise<void> {
  if (rows.length > 0) await insertMany(conn, 'interactions', rows);
}

export async function deleteInteractions(
  conn: Conn,
  accountId: string,
  ids: readonly string[],
): Promise<void> {
  const db = kysely(conn);
  for (const part of chunks(ids)) {
    if (part.length > 0)
      await db
        .deleteFrom('interactions')
        .where('account_id', '=', accountId)
        .where('id', 'in', part)
        .execute();
  }
}
