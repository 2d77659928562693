import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * F11 give/ask ledger and F12 introductions. Keys start with account_id and every reference to a
 * contact carries it, so no row can point into another account.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('introductions')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('a_contact_id', 'text', (c) => c.notNull())
    .addColumn('b_contact_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // proposed → asked_a → a_agreed → asked_b → b_agreed → intro_sent → outcome | declined
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('stage_at', 'text', (c) => c.notNull())
    // succeeded | fizzled | declined_by_a | declined_by_b
    .addColumn('outcome', 'text')
    // JSON [{ action, at, note }]
    .addColumn('history', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('introductions_pk', ['account_id', 'id'])
    .addForeignKeyConstraint('introductions_account_fk', ['account_id'], 'accounts', ['id'], (c) =>
      c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'introductions_a_fk',
      ['account_id', 'a_contact_id'],
      'contacts',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'introductions_b_fk',
      ['account_id', 'b_contact_id'],
      'contacts',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addCheckConstraint('introductions_two_people', sql`a_contact_id <> b_contact_id`)
    .execute();
  // Today looks for steps left waiting, by stage and age.
  await db.schema
    .createIndex('introductions_stage_idx')
    .on('introductions')
    .columns(['account_id', 'stage', 'stage_at'])
    .execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    // A soft reference: an introduction goes with either of its contacts, but the other's ledger
    // keeps the give, so no foreign key (a composite SET NULL would also null account_id).
    .addColumn('introduction_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_entries_pk', ['account_id', 'id'])
    .addForeignKeyConstraint('ledger_entries_account_fk', ['account_id'], 'accounts', ['id'], (c) =>
      c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'ledger_entries_contact_fk',
      ['account_id', 'contact_id'],
      'contacts',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('ledger_entries_contact_idx')
    .on('ledger_entries')
    .columns(['account_id', 'contact_id', 'occurred_on'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
