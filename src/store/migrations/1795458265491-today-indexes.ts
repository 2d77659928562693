import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * Covering indexes for the Today queue, measured on 100k contacts / 2M interactions (bench/RESULTS.md):
 * every candidate query and row load is answered from an index alone. Each replaced index is a prefix
 * of its successor, so every query that used the old one can use the new one.
 */
export async function up(db: AnyDb): Promise<void> {
  // Upcoming dates: (month, day, lead) per pair, returning contact_id without touching the table.
  await db.schema.dropIndex('important_dates_day_idx').execute();
  await db.schema
    .createIndex('important_dates_day_idx')
    .on('important_dates')
    .columns(['account_id', 'month', 'day', 'lead_days', 'contact_id'])
    .execute();
  // A candidate's dates by contact (there was no contact index: loading them scanned the account's dates).
  await db.schema
    .createIndex('important_dates_contact_idx')
    .on('important_dates')
    .columns(['account_id', 'contact_id', 'kind', 'month', 'day', 'year', 'lead_days'])
    .execute();
  // Recent history per contact with what back-off and the cap read.
  await db.schema.dropIndex('interactions_contact_idx').execute();
  await db.schema
    .createIndex('interactions_contact_idx')
    .on('interactions')
    .columns(['account_id', 'contact_id', 'occurred_at', 'direction', 'awaiting_reply', 'retry_step'])
    .execute();
  // Unanswered outreach by age, with its contact.
  await db.schema.dropIndex('interactions_awaiting_idx').execute();
  await db.schema
    .createIndex('interactions_awaiting_idx')
    .on('interactions')
    .columns(['account_id', 'awaiting_reply', 'occurred_at', 'contact_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
