import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * The contact's health score (core/health.ts), stored so the contacts list can filter and sort by it
 * at 30,000 contacts without scoring everyone per request: null = no history (never contacted).
 * health_computed_at says when it was computed; the tick rescores the stale ones once a day, since
 * recency falls with time. contacts_health_idx walks the list's health order with its keyset cursor;
 * contacts_health_stale_idx finds what is stale without scanning every account.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('contacts').addColumn('health_score', 'integer').execute();
  await db.schema.alterTable('contacts').addColumn('health_computed_at', 'text').execute();
  await db.schema
    .createIndex('contacts_health_idx')
    .on('contacts')
    .columns(['account_id', 'health_score', 'id'])
    .execute();
  await db.schema
    .createIndex('contacts_health_stale_idx')
    .on('contacts')
    .column('health_computed_at')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
