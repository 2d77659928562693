import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * A contact's life events by kind and date. Today's role anniversaries ask for the latest job change
 * of up to 80 contacts; with no index on contact_id that walked every job change of the account
 * (8,500 rows, 10 ms of a 100,000-contact Today; bench/RESULTS.md). The contact's timeline and
 * Today's row load of recent events read through it too.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('life_events_contact_idx')
    .on('life_events')
    .columns(['account_id', 'contact_id', 'kind', 'occurred_on'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('life_events_contact_idx').execute();
}
