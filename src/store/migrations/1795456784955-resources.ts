import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * F13 resource library: resources with free-text tags, and which contact received which resource
 * (so "saw this and thought of you" is never suggested twice). A share row hangs off the logged
 * interaction: deleting that interaction forgets the share too.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('resources')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('resources_pk', ['account_id', 'id'])
    .addForeignKeyConstraint('resources_account_fk', ['account_id'], 'accounts', ['id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
  // Today reads only the last 30 days of resources.
  await db.schema
    .createIndex('resources_created_idx')
    .on('resources')
    .columns(['account_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('resource_tags')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('resource_tags_pk', ['account_id', 'resource_id', 'tag'])
    .addForeignKeyConstraint(
      'resource_tags_resource_fk',
      ['account_id', 'resource_id'],
      'resources',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('resource_shares')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('interaction_id', 'text', (c) => c.notNull())
    .addColumn('shared_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('resource_shares_pk', ['account_id', 'interaction_id'])
    .addForeignKeyConstraint(
      'resource_shares_resource_fk',
      ['account_id', 'resource_id'],
      'resources',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'resource_shares_contact_fk',
      ['account_id', 'contact_id'],
      'contacts',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'resource_shares_interaction_fk',
      ['account_id', 'interaction_id'],
      'interactions',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('resource_shares_resource_idx')
    .on('resource_shares')
    .columns(['account_id', 'resource_id', 'contact_id'])
    .execute();

  // Matching reads interest-like facts by kind and recent topics by date, never whole histories.
  await db.schema.createIndex('facts_kind_idx').on('facts').columns(['account_id', 'kind']).execute();
  await db.schema
    .createIndex('interactions_recent_idx')
    .on('interactions')
    .columns(['account_id', 'occurred_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
