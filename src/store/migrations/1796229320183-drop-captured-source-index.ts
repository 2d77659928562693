import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * captured_items_source_idx (account_id, source_id) served only the removal of a source (rare, by the
 * user) and a cancelled meeting's keys (which also name their item_key, a prefix of the primary key).
 * Every captured message paid for it: a mailbox's Message-IDs are random, so each batch's keys land
 * on leaves all over that index (66,526 Gmail-shaped keys, 1,663 per transaction: 2.4 s of CPU with
 * it, 1.3 s without, bench/RESULTS.md). Removing a source now reads the account's keys through the
 * primary key (account_id, item_key, contact_id) and keeps those of the source.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('captured_items_source_idx').ifExists().execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('captured_items_source_idx')
    .on('captured_items')
    .columns(['account_id', 'source_id'])
    .execute();
}
