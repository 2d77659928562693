import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/** Calendar feed tokens: the secret sits in a public URL, so only its SHA-256 is stored (like API tokens). */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('feed_tokens')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addPrimaryKeyConstraint('feed_tokens_pk', ['account_id', 'id'])
    .addForeignKeyConstraint('feed_tokens_account_fk', ['account_id'], 'accounts', ['id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
