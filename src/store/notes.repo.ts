import type { Insertable, Selectable } from 'kysely';
import { kysely } from './conn';
import type { NotesTable } from './database';
import type { Conn } from './store';

export type NoteRow = Selectable<NotesTable>;

export async function insertNote(conn: Conn, row: Insertable<NotesTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('notes').values(row).execute();
}

export async function findNote(conn: Conn, accountId: string, id: string): Promise<NoteRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('notes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Pinned first, then newest first. */
export async function listNotes(conn: Conn, accountId: string, contactId: string): Promise<NoteRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('notes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .orderBy('pinned', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1000)
    .execute();
}

export async function updateNote(
  conn: Conn,
  accountId: string,
  id: string,
  values: Partial<NoteRow>,
): Promise<void> {
  const db = kysely(conn);
  // An empty PATCH is a no-op: Kysely would build `UPDATE … SET WHERE`, a syntax error (a 500).
  if (Object.values(values).every((v) => v === undefined)) return;
  await db
    .updateTable('notes')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export async function deleteNote(conn: Conn, accountId: string, id: string): Promise<void> {
  const db = kysely(conn);
  await db.deleteFrom('notes').where('account_id', '=', accountId).where('id', '=', id).execute();
}
