import type { Insertable, Selectable } from 'kysely';
import type { Db, NotesTable } from './database';

export type NoteRow = Selectable<NotesTable>;

export async function insertNote(db: Db, row: Insertable<NotesTable>): Promise<void> {
  await db.insertInto('notes').values(row).execute();
}

export async function findNote(db: Db, accountId: string, id: string): Promise<NoteRow | undefined> {
  return db
    .selectFrom('notes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Pinned first, then newest first. */
export async function listNotes(db: Db, accountId: string, contactId: string): Promise<NoteRow[]> {
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
  db: Db,
  accountId: string,
  id: string,
  values: Partial<NoteRow>,
): Promise<void> {
  // An empty PATCH is a no-op: Kysely would build `UPDATE … SET WHERE`, a syntax error (a 500).
  if (Object.values(values).every((v) => v === undefined)) return;
  await db
    .updateTable('notes')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export async function deleteNote(db: Db, accountId: string, id: string): Promise<void> {
  await db.deleteFrom('notes').where('account_id', '=', accountId).where('id', '=', id).execute();
}
