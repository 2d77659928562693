import type { Insertable, Selectable } from 'kysely';
import { kysely } from './conn';
import type { TasksTable } from './database';
import type { Conn } from './store';

export type TaskRow = Selectable<TasksTable>;

export async function insertTask(conn: Conn, row: Insertable<TasksTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('tasks').values(row).execute();
}

export async function findTask(conn: Conn, accountId: string, id: string): Promise<TaskRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listTasks(
  conn: Conn,
  accountId: string,
  f: { contactId?: string | undefined; open?: boolean | undefined },
): Promise<TaskRow[]> {
  const db = kysely(conn);
  let q = db.selectFrom('tasks').selectAll().where('account_id', '=', accountId);
  if (f.contactId) q = q.where('contact_id', '=', f.contactId);
  if (f.open) q = q.where('done_at', 'is', null);
  return q.orderBy('due_at').orderBy('id').limit(1000).execute();
}

export async function updateTask(
  conn: Conn,
  accountId: string,
  id: string,
  values: Partial<TaskRow>,
): Promise<void> {
  const db = kysely(conn);
  // An empty PATCH is a no-op: Kysely would build `UPDATE … SET WHERE`, a syntax error (a 500).
  if (Object.values(values).every((v) => v === undefined)) return;
  await db
    .updateTable('tasks')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export async function deleteTask(conn: Conn, accountId: string, id: string): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .deleteFrom('tasks')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Marks the contact's open tasks due by `dueBy` done at `now`; returns how many it closed. */
export async function closeDueTasks(
  conn: Conn,
  accountId: string,
  contactId: string,
  dueBy: string,
  now: string,
): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .updateTable('tasks')
    .set({ done_at: now })
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .where('done_at', 'is', null)
    .where('due_at', '<=', dueBy)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
