import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * Calendar capture (F30): the meetings of the next 36 hours with a contact, as the last sync of
 * each calendar source found them. Past meetings are interactions; these are Today's `meeting`
 * reasons, replaced whole on every sync, so a moved or cancelled meeting follows the calendar.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('calendar_meetings')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    // Event UID + occurrence, as captured_items keys it.
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('all_day', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('calendar_meetings_pk', ['account_id', 'source_id', 'item_key', 'contact_id'])
    .addForeignKeyConstraint(
      'calendar_meetings_source_fk',
      ['account_id', 'source_id'],
      'capture_sources',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'calendar_meetings_contact_fk',
      ['account_id', 'contact_id'],
      'contacts',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  // Today: the account's meetings between now and now + 36 h.
  await db.schema
    .createIndex('calendar_meetings_start_idx')
    .on('calendar_meetings')
    .columns(['account_id', 'starts_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
