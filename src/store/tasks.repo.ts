import type { Insertable, Selectable } from 'kysely';
import type { Db, TasksTable } from './database';

export type TaskRow = Selectable<TasksTable>;

export async function insertTask(db: Db, row: Insertable<TasksTable>): Promise<void> {
  await db.insertInto('tasks').values(row).execute();
}

export async function findTask(db: Db, accountId: string, id: string): Promise<TaskRow | undefined> {
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listTasks(
  db: Db,
  accountId: string,
  f: { contactId?: string | undefined; open?: boolean | undefined },
): Promise<TaskRow[]> {
  let q = db.selectFrom('tasks').selectAll().where('account_id', '=', accountId);
  if (f.contactId) q = q.where('contact_id', '=', f.contactId);
  if (f.open) q = q.where('done_at', 'is', null);
  return q.orderBy('due_at').orderBy('id').limit(1000).execute();
}

export async function updateTask(
  db: Db,
  accountId: string,
  id: string,
  values: Partial<TaskRow>,
): Promise<void> {
  await db
    .updateTable('tasks')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export async function deleteTask(db: Db, accountId: string, id: string): Promise<number> {
  const r = await db
    .deleteFrom('tasks')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Marks the contact's open tasks due by `dueBy` done at `now`; returns how many it closed. */
export async function closeDueTasks(
  db: Db,
  accountId: string,
  contactId: string,
  dueBy: string,
  now: string,
): Promise<number> {
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
