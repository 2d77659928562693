import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * Four contacts indexes keep only the rows with a value in the column they order or look up by.
 * A new contact (every imported one) has no health score and no last interaction, and a LinkedIn
 * connection no city and no holiday country: each such row was one b-tree insert per index that no
 * query reads back. Measured on 30,000 LinkedIn contacts (bench/RESULTS.md, Import): the contacts
 * inserts went from ~0.49 to ~0.37 s of SQLite time.
 *
 * Every reader of these indexes already asks for a value (`IS NOT NULL`, a comparison, `IN`), which
 * both databases take as implying the index's condition; the holiday countries' loose scan says
 * `IS NOT NULL` since this migration (min() skipped NULLs already). The lists' "no value" tails
 * (`IS NULL ORDER BY id`) walk the primary key instead. contacts_health_stale_idx keeps its NULLs:
 * the health refresh looks for never-computed contacts.
 */
const PARTIAL = [
  ['contacts_health_idx', ['account_id', 'health_score', 'id'], 'health_score'],
  ['contacts_last_contact_idx', ['account_id', 'last_interaction_at', 'id'], 'last_interaction_at'],
  ['contacts_city_idx', ['account_id', 'city', 'country'], 'city'],
  [
    'contacts_holiday_idx',
    ['account_id', 'holiday_country', 'circle_id', 'tracked', 'id'],
    'holiday_country',
  ],
] as const;

export async function up(db: AnyDb): Promise<void> {
  for (const [name, columns, valued] of PARTIAL) {
    await db.schema.dropIndex(name).execute();
    await sql`CREATE INDEX ${sql.id(name)} ON contacts (${sql.join(columns.map((c) => sql.id(c)))}) WHERE ${sql.id(valued)} IS NOT NULL`.execute(
      db,
    );
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const [name, columns] of PARTIAL) {
    await db.schema.dropIndex(name).execute();
    await db.schema
      .createIndex(name)
      .on('contacts')
      .columns([...columns])
      .execute();
  }
}
