import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * F30: "never the body unless the user opts in per source". 1 = a LinkedIn or WhatsApp source keeps
 * the message texts (bounded) in its interactions' summaries; 0, the default, keeps none of them.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('capture_sources')
    .addColumn('store_bodies', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
