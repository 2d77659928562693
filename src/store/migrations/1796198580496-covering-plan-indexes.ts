import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * Two indexes widened in place, not added: the capacity plan, the holiday audience and the
 * dashboard read every tracked contact and a half-year of interactions, and at 30,000 contacts
 * most of that time was fetching table rows for a few short columns. Widened, both reads are
 * index-only on SQLite and PostgreSQL, and every insert still writes the same number of b-trees
 * (issue 13's import speed, issue 11's capture). The old prefixes stay first, so every query that
 * used them still seeks the same way.
 *
 * contacts_circle_idx (account_id, circle_id) gains the cadence columns, the holiday country and
 * tracked, in the order the grouped plan query groups by (no sort), then the dashboard's anchor
 * columns (last meaningful touch, creation) so its cadence states need no table row either; of these
 * only last_meaningful_at changes after an insert, when a meaningful interaction is logged.
 * interactions_recent_idx (account_id, occurred_at) gains direction, the one column the dashboard's
 * touches per week count.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('contacts_circle_idx').execute();
  await db.schema
    .createIndex('contacts_circle_idx')
    .on('contacts')
    .columns([
      'account_id',
      'circle_id',
      'cadence_kind',
      'cadence_every',
      'cadence_unit',
      'holiday_country',
      'tracked',
      'last_meaningful_at',
      'created_at',
    ])
    .execute();
  await db.schema.dropIndex('interactions_recent_idx').execute();
  await db.schema
    .createIndex('interactions_recent_idx')
    .on('interactions')
    .columns(['account_id', 'occurred_at', 'direction'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
