import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * Capture (F30): the user's sources (mailboxes, files, calendars), the key of every item already
 * turned into an interaction (so a re-sync or a second import of one mbox adds nothing), the
 * strangers the user writes with (suggestions), and a contact's "don't capture" flag.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('capture_sources')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    // imap | mbox | ics | linkedin_messages | whatsapp
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON, never secret: host, port, user, backfill window, own addresses, excluded domains.
    .addColumn('settings', 'text', (c) => c.notNull())
    // AES-256-GCM of the credentials (base64 iv.tag.ciphertext); never leaves the server.
    .addColumn('secret', 'text')
    // JSON: where incremental sync resumes (per mailbox UIDVALIDITY and last UID).
    .addColumn('cursor', 'text', (c) => c.notNull())
    // A sync holds the source until this time, so two instances never sync one source at once.
    .addColumn('locked_until', 'text')
    .addColumn('seen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('captured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_sync_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('capture_sources_pk', ['account_id', 'id'])
    .addForeignKeyConstraint('capture_sources_account_fk', ['account_id'], 'accounts', ['id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('captured_items')
    .addColumn('account_id', 'text', (c) => c.notNull())
    // Message-ID, or event UID + occurrence: the same message seen through two sources is one.
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
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
  // Removing a source with what it captured.
  await db.schema
    .createIndex('captured_items_source_idx')
    .on('captured_items')
    .columns(['account_id', 'source_id'])
    .execute();

  await db.schema
    .createTable('capture_suggestions')
    .addColumn('account_id', 'text', (c) => c.notNull())
    // Normalised address.
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('messages', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('dismissed', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('capture_suggestions_pk', ['account_id', 'address'])
    .addForeignKeyConstraint('capture_suggestions_account_fk', ['account_id'], 'accounts', ['id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .alterTable('contacts')
    .addColumn('capture', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
