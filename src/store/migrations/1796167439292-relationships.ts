import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * F29 relationships between contacts: a row reads "other is contact's <kind>". Both references
 * carry account_id, so no relationship can point into another account, and either person's
 * deletion takes the row with it.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('relationships')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('other_contact_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('relationships_pk', ['account_id', 'id'])
    .addForeignKeyConstraint('relationships_account_fk', ['account_id'], 'accounts', ['id'], (c) =>
      c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'relationships_contact_fk',
      ['account_id', 'contact_id'],
      'contacts',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'relationships_other_fk',
      ['account_id', 'other_contact_id'],
      'contacts',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addCheckConstraint('relationships_two_people', sql`contact_id <> other_contact_id`)
    .addUniqueConstraint('relationships_once', ['account_id', 'contact_id', 'other_contact_id', 'kind'])
    .execute();
  // A page lists rows from both ends: the unique key serves contact_id, this index other_contact_id.
  await db.schema
    .createIndex('relationships_other_idx')
    .on('relationships')
    .columns(['account_id', 'other_contact_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
