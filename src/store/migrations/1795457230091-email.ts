import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * E-mail: the daily digest settings (F24), personal updates (F16) and the outbox both send through.
 * The outbox key is unique per account, so enqueuing the same digest or update twice is a no-op.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('accounts')
    .addColumn('digest_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('accounts').addColumn('digest_email', 'text').execute();
  // The local date the digest tick last handled (enqueued, or found the queue empty), so it runs once a day.
  await db.schema.alterTable('accounts').addColumn('digest_done_on', 'text').execute();
  await db.schema
    .alterTable('accounts')
    .addColumn('update_every_months', 'integer', (c) => c.notNull().defaultTo(4))
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    // digest | update
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('html', 'text')
    // pending → sending → sent | pending (retry) | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    // When the current attempt started: a row left in 'sending' for long is a crashed worker's.
    .addColumn('sending_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('outbox_pk', ['account_id', 'id'])
    .addUniqueConstraint('outbox_key_unique', ['account_id', 'idempotency_key'])
    .addForeignKeyConstraint('outbox_account_fk', ['account_id'], 'accounts', ['id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
  // The worker looks across accounts for due rows.
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('updates')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // A soft reference: deleting the segment must not delete a sent update's record.
    .addColumn('segment_id', 'text')
    // JSON ContactFilter, used when there is no segment.
    .addColumn('filter', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    // smtp | drafts
    .addColumn('send_mode', 'text')
    .addPrimaryKeyConstraint('updates_pk', ['account_id', 'id'])
    .addForeignKeyConstraint('updates_account_fk', ['account_id'], 'accounts', ['id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('updates_sent_idx').on('updates').columns(['account_id', 'sent_at']).execute();

  await db.schema
    .createTable('update_recipients')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('update_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    // email | draft
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'text')
    .addColumn('interaction_id', 'text')
    .addPrimaryKeyConstraint('update_recipients_pk', ['account_id', 'update_id', 'contact_id'])
    .addForeignKeyConstraint(
      'update_recipients_update_fk',
      ['account_id', 'update_id'],
      'updates',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'update_recipients_contact_fk',
      ['account_id', 'contact_id'],
      'contacts',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
