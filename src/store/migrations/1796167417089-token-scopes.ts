import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * Scoped, expiring API tokens. `scopes` is a space-separated set of read, write, dav, admin. Tokens
 * minted before scopes existed could do everything, so they become 'write admin' and keep working;
 * no expiry (null) is the old behaviour too.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    .addColumn('scopes', 'text', (c) => c.notNull().defaultTo('write admin'))
    .execute();
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
