import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * CardDAV (F31): one address book per account with a monotonic change counter (RFC 6578 sync
 * tokens), and one row per card resource. A deleted card stays as a tombstone (deleted = 1) so a
 * sync-collection can report it; `seq` is the counter value of the card's last change, so a card
 * appears in a sync at most once however often it changed.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('dav_books')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
    // 'delete' | 'untrack': what a delete on the phone does to the contact in Tend.
    .addColumn('delete_mode', 'text', (c) => c.notNull().defaultTo('delete'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('dav_books_account_fk', ['account_id'], 'accounts', ['id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createTable('dav_cards')
    .addColumn('account_id', 'text', (c) => c.notNull())
    // The resource name inside the book (`<uid>.vcf`), chosen by whoever created the card.
    .addColumn('href', 'text', (c) => c.notNull())
    // No foreign key: the tombstone outlives the contact.
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('uid', 'text', (c) => c.notNull())
    // The card as last written (by the client, or re-rendered by Tend around the client's lines):
    // properties Tend does not model live here, byte-for-byte.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    // contacts.updated_at when `body` was written: a newer one means Tend changed the contact.
    .addColumn('contact_updated_at', 'text', (c) => c.notNull())
    // The note the card's NOTE maps to.
    .addColumn('note_id', 'text')
    .addPrimaryKeyConstraint('dav_cards_pk', ['account_id', 'href'])
    .addForeignKeyConstraint('dav_cards_book_fk', ['account_id'], 'dav_books', ['account_id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('dav_cards_seq').on('dav_cards').columns(['account_id', 'seq']).execute();
  await db.schema
    .createIndex('dav_cards_contact')
    .on('dav_cards')
    .columns(['account_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('dav_cards_uid').on('dav_cards').columns(['account_id', 'uid']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
