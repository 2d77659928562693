import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * Today takes the N most-due contacts ordered by (next_due_at, id). Without id in the index SQLite
 * sorted every due contact (tens of thousands on a large network) to break ties before the LIMIT;
 * with it, the LIMIT stops the index walk after N entries. Same for open tasks by (due_at, id).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('contacts_due_idx').execute();
  await db.schema
    .createIndex('contacts_due_idx')
    .on('contacts')
    .columns(['account_id', 'next_due_at', 'id'])
    .execute();
  await db.schema.dropIndex('tasks_due_idx').execute();
  await db.schema
    .createIndex('tasks_due_idx')
    .on('tasks')
    .columns(['account_id', 'done_at', 'due_at', 'id', 'contact_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
