import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect-of';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: builder over an untyped table.
type Builder = CreateTableBuilder<string, any>;

/** Every row carries account_id; the key (account_id, id) makes cross-account references impossible. */
function owned(t: Builder, table: string): Builder {
  return t
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${table}_pk`, ['account_id', 'id'])
    .addForeignKeyConstraint(`${table}_account_fk`, ['account_id'], 'accounts', ['id'], (c) =>
      c.onDelete('cascade'),
    );
}

function ofContact(t: Builder, table: string): Builder {
  return t
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addForeignKeyConstraint(
      `${table}_contact_fk`,
      ['account_id', 'contact_id'],
      'contacts',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    );
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('daily_size', 'integer', (c) => c.notNull().defaultTo(8))
    .addColumn('weekly_budget', 'integer', (c) => c.notNull().defaultTo(15))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await owned(db.schema.createTable('users'), 'users')
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint(
      'sessions_user_fk',
      ['account_id', 'user_id'],
      'users',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await owned(db.schema.createTable('api_tokens'), 'api_tokens')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await owned(db.schema.createTable('circles'), 'circles')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('cadence_kind', 'text', (c) => c.notNull())
    .addColumn('cadence_every', 'integer')
    .addColumn('cadence_unit', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await owned(db.schema.createTable('contacts'), 'contacts')
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('title', 'text')
    .addColumn('industry', 'text')
    .addColumn('city', 'text')
    .addColumn('country', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('working_hours', 'text')
    .addColumn('preferred_channel', 'text')
    .addColumn('how_met', 'text')
    .addColumn('met_on', 'text')
    .addColumn('circle_id', 'text')
    .addColumn('tracked', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('cadence_kind', 'text')
    .addColumn('cadence_every', 'integer')
    .addColumn('cadence_unit', 'text')
    .addColumn('last_interaction_at', 'text')
    .addColumn('last_meaningful_at', 'text')
    .addColumn('last_inbound_at', 'text')
    .addColumn('last_reply_channel', 'text')
    .addColumn('next_due_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Deleting a circle clears circle_id in the service first (SQLite has no SET NULL on one column).
    .addForeignKeyConstraint('contacts_circle_fk', ['account_id', 'circle_id'], 'circles', [
      'account_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('contacts_sort_idx')
    .on('contacts')
    .columns(['account_id', 'sort_name', 'id'])
    .execute();
  await db.schema
    .createIndex('contacts_due_idx')
    .on('contacts')
    .columns(['account_id', 'next_due_at'])
    .execute();
  await db.schema
    .createIndex('contacts_circle_idx')
    .on('contacts')
    .columns(['account_id', 'circle_id'])
    .execute();

  for (const table of ['contact_emails', 'contact_phones', 'contact_links'] as const) {
    let t = ofContact(owned(db.schema.createTable(table), table), table);
    t = table === 'contact_links' ? t.addColumn('kind', 'text', (c) => c.notNull()) : t;
    t = t.addColumn(table === 'contact_links' ? 'url' : 'value', 'text', (c) => c.notNull());
    t = table === 'contact_phones' ? t.addColumn('e164', 'text') : t;
    t = table === 'contact_links' ? t : t.addColumn('label', 'text');
    await t.addColumn('position', 'integer', (c) => c.notNull()).execute();
    await db.schema
      .createIndex(`${table}_contact_idx`)
      .on(table)
      .columns(['account_id', 'contact_id'])
      .execute();
  }
  await db.schema
    .createIndex('contact_emails_value_idx')
    .on('contact_emails')
    .columns(['account_id', 'value'])
    .execute();
  await db.schema
    .createIndex('contact_phones_e164_idx')
    .on('contact_phones')
    .columns(['account_id', 'e164'])
    .execute();
  await db.schema
    .createIndex('contact_links_url_idx')
    .on('contact_links')
    .columns(['account_id', 'url'])
    .execute();

  await owned(db.schema.createTable('tags'), 'tags')
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('tags_name_uq', ['account_id', 'name'])
    .execute();
  await ofContact(
    db.schema.createTable('contact_tags').addColumn('account_id', 'text', (c) => c.notNull()),
    'contact_tags',
  )
    .addColumn('tag_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_tags_pk', ['account_id', 'contact_id', 'tag_id'])
    .addForeignKeyConstraint(
      'contact_tags_tag_fk',
      ['account_id', 'tag_id'],
      'tags',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('contact_tags_tag_idx')
    .on('contact_tags')
    .columns(['account_id', 'tag_id'])
    .execute();

  await owned(db.schema.createTable('saved_segments'), 'saved_segments')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('filter', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await ofContact(owned(db.schema.createTable('interactions'), 'interactions'), 'interactions')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('awaiting_reply', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interactions_contact_idx')
    .on('interactions')
    .columns(['account_id', 'contact_id', 'occurred_at'])
    .execute();
  // Today looks up unanswered outreach by age, never by scanning history.
  await db.schema
    .createIndex('interactions_awaiting_idx')
    .on('interactions')
    .columns(['account_id', 'awaiting_reply', 'occurred_at'])
    .execute();

  await ofContact(owned(db.schema.createTable('notes'), 'notes'), 'notes')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await ofContact(owned(db.schema.createTable('facts'), 'facts'), 'facts')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await ofContact(owned(db.schema.createTable('important_dates'), 'important_dates'), 'important_dates')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('lead_days', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('important_dates_day_idx')
    .on('important_dates')
    .columns(['account_id', 'month', 'day'])
    .execute();

  await ofContact(owned(db.schema.createTable('life_events'), 'life_events'), 'life_events')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('life_events_date_idx')
    .on('life_events')
    .columns(['account_id', 'occurred_on'])
    .execute();

  await owned(db.schema.createTable('tasks'), 'tasks')
    .addColumn('contact_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint(
      'tasks_contact_fk',
      ['account_id', 'contact_id'],
      'contacts',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('tasks_due_idx')
    .on('tasks')
    .columns(['account_id', 'done_at', 'due_at'])
    .execute();

  await ofContact(
    db.schema.createTable('queue_decisions').addColumn('account_id', 'text', (c) => c.notNull()),
    'queue_decisions',
  )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('until_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_decisions_pk', ['account_id', 'contact_id'])
    .execute();

  // Search: one lower-cased text per contact (names, companies, e-mails, notes, facts), matched by
  // substring through a trigram index: FTS5 trigram on SQLite, pg_trgm GIN on PostgreSQL.
  if (isPostgres(db)) {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await ofContact(
      db.schema.createTable('contact_search').addColumn('account_id', 'text', (c) => c.notNull()),
      'contact_search',
    )
      .addColumn('body', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('contact_search_pk', ['account_id', 'contact_id'])
      .execute();
    await sql`CREATE INDEX contact_search_trgm_idx ON contact_search USING gin (body gin_trgm_ops)`.execute(
      db,
    );
  } else {
    await sql`CREATE VIRTUAL TABLE contact_search USING fts5(account_id UNINDEXED, contact_id UNINDEXED, body, tokenize = 'trigram')`.execute(
      db,
    );
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
