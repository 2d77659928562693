import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * A previewed row can now be a conflict ("same phone, different person?"), which says why, and any
 * row can carry warnings (a field that could not be read and was skipped, the contact kept).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('import_rows').addColumn('reason', 'text').execute();
  await db.schema.alterTable('import_rows').addColumn('warnings', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
