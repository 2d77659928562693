import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * CardDAV client (F31): address books the user subscribes to (Nextcloud, Radicale, iCloud,
 * Fastmail), the remote card each contact is linked to (its last synced body is the base of the
 * three-way comparison and keeps the remote's own properties), and what waits for the user:
 * cards that match someone (never merged silently) and fields both sides changed.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('carddav_subscriptions')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // The address book's collection URL, after discovery.
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    // AES-256-GCM of the app password (src/secret-box.ts); never leaves the server.
    .addColumn('secret', 'text', (c) => c.notNull())
    // 1 when the book offers sync-collection (RFC 6578); else ETags are compared.
    .addColumn('sync_collection', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sync_token', 'text')
    // 1: contacts created in Tend after the subscription are written to the book too.
    .addColumn('push_new', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('pulled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pushed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_sync_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('carddav_subscriptions_pk', ['account_id', 'id'])
    .addForeignKeyConstraint('carddav_subscriptions_account_fk', ['account_id'], 'accounts', ['id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createTable('carddav_links')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('subscription_id', 'text', (c) => c.notNull())
    // The card's path on the server.
    .addColumn('href', 'text', (c) => c.notNull())
    // No foreign key: a contact deleted in Tend keeps its link, so its card is not imported again.
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // contacts.updated_at when the card was last synced: a newer one means Tend changed the contact.
    .addColumn('contact_updated_at', 'text', (c) => c.notNull())
    .addColumn('note_id', 'text')
    .addPrimaryKeyConstraint('carddav_links_pk', ['account_id', 'subscription_id', 'href'])
    .addForeignKeyConstraint(
      'carddav_links_subscription_fk',
      ['account_id', 'subscription_id'],
      'carddav_subscriptions',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('carddav_links_contact')
    .on('carddav_links')
    .columns(['account_id', 'contact_id'])
    .execute();
  await db.schema
    .createTable('carddav_conflicts')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('subscription_id', 'text', (c) => c.notNull())
    .addColumn('href', 'text', (c) => c.notNull())
    // 'match': a new card matches a contact (duplicate or conflict, as imports say);
    // 'fields': both sides changed fields of a linked card, or the server refused our write (412).
    .addColumn('kind', 'text', (c) => c.notNull())
    // The matched contact, or the linked one.
    .addColumn('contact_id', 'text', (c) => c.notNull())
    // JSON: the reason and the fields with both values.
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('carddav_conflicts_pk', ['account_id', 'id'])
    .addUniqueConstraint('carddav_conflicts_href', ['account_id', 'subscription_id', 'href'])
    .addForeignKeyConstraint(
      'carddav_conflicts_subscription_fk',
      ['account_id', 'subscription_id'],
      'carddav_subscriptions',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
