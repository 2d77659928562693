import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect-of';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * Captured-item keys are backed up, without their source (sources hold credentials and stay on the
 * server): a restored key has no source_id, so re-adding the source and importing the same mbox
 * adds nothing. SQLite cannot drop NOT NULL in place, so the table is rebuilt (nothing refers to it).
 */
export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await db.schema
      .alterTable('captured_items')
      .alterColumn('source_id', (c) => c.dropNotNull())
      .execute();
    return;
  }
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
