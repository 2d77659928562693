import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/** A circle's colour (#rrggbb), shown as a dot beside its name; null = no colour chosen. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('circles').addColumn('color', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
