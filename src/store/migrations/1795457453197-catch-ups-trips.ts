import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * F15 planned catch-ups and F25 trips, plus the user's own working hours (JSON WorkingHours; null =
 * the default) so slot suggestions respect both sides.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('working_hours', 'text').execute();

  await db.schema
    .createTable('catch_ups')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    // The interaction logged when it was marked done; no foreign key, so deleting that log entry
    // leaves the catch-up's history alone.
    .addColumn('interaction_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catch_ups_pk', ['account_id', 'id'])
    .addForeignKeyConstraint('catch_ups_account_fk', ['account_id'], 'accounts', ['id'], (c) =>
      c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'catch_ups_contact_fk',
      ['account_id', 'contact_id'],
      'contacts',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  // Upcoming lists and the calendar feed read planned catch-ups from now on.
  await db.schema
    .createIndex('catch_ups_upcoming_idx')
    .on('catch_ups')
    .columns(['account_id', 'status', 'start_at'])
    .execute();
  await db.schema
    .createIndex('catch_ups_contact_idx')
    .on('catch_ups')
    .columns(['account_id', 'contact_id'])
    .execute();

  await db.schema
    .createTable('trips')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('trips_pk', ['account_id', 'id'])
    .addForeignKeyConstraint('trips_account_fk', ['account_id'], 'accounts', ['id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
  // Today asks for trips that have not ended yet.
  await db.schema.createIndex('trips_ends_idx').on('trips').columns(['account_id', 'ends_on']).execute();

  // Who lives in a city: distinct cities come from this index alone, then matching rows by value.
  await db.schema
    .createIndex('contacts_city_idx')
    .on('contacts')
    .columns(['account_id', 'city', 'country'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
