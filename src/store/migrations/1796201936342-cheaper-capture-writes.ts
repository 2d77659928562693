import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect-of';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * Fewer b-tree writes per captured message (issue 11's bench: 66,500 interactions from one mbox).
 *
 * interactions_awaiting_idx (account_id, awaiting_reply, occurred_at, contact_id) held an entry for
 * every interaction, yet its one reader (Today's retries) asks only for awaiting_reply = 1. It becomes
 * a partial index of those rows, keyed (account_id, occurred_at, contact_id) in the order that query
 * sorts by: inbound mail (most of a mailbox) and answered outreach no longer write to it. Both SQLite
 * (comparing the bound value) and PostgreSQL (planning with the value) still search it for
 * `awaiting_reply = $1` bound to 1.
 *
 * captured_items (SQLite only) becomes a WITHOUT ROWID table: the key idempotency looks up,
 * (account_id, item_key, contact_id), is the table itself, not a rowid table plus a copy of that key.
 * The source index stays: source_id is nullable (restored keys have none) and is not a prefix of
 * the key, so removing a source would otherwise scan the account's keys. PostgreSQL's tables are
 * heaps with no such choice; its captured_items is unchanged.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('interactions_awaiting_idx').execute();
  await sql`CREATE INDEX interactions_awaiting_idx ON interactions (account_id, occurred_at, contact_id) WHERE awaiting_reply = 1`.execute(
    db,
  );
  if (isPostgres(db)) return;
  await db.schema
    .createTable('captured_items_next')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('interaction_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('captured_items_pk', ['account_id', 'item_key', 'contact_id'])
    .addForeignKeyConstraint(
      'captured_items_contact_fk',
      ['account_id', 'contact_id'],
      'contacts',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();
  await db
    .insertInto('captured_items_next')
    .columns(['account_id', 'item_key', 'contact_id', 'source_id', 'interaction_id', 'direction'])
    .expression(
      db
        .selectFrom('captured_items')
        .select(['account_id', 'item_key', 'contact_id', 'source_id', 'interaction_id', 'direction']),
    )
    .execute();
  await db.schema.dropTable('captured_items').execute();
  await db.schema.alterTable('captured_items_next').renameTo('captured_items').execute();
  await db.schema
    .createIndex('captured_items_source_idx')
    .on('captured_items')
    .columns(['account_id', 'source_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
