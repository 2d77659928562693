import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * Accounts hardening (issue 15). Sessions get an id (so a user can list and end them without ever
 * seeing a cookie's hash), when they were last seen, and the user agent and address that opened
 * them. `sign_in_throttle` holds the per-account back-off on failed sign-ins, in the database so
 * that every instance on one PostgreSQL sees the same count; it is keyed by a hash of the e-mail
 * as typed, known or not, so the back-off itself does not reveal which e-mails have accounts.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('id', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('ip', 'text').execute();
  // Sessions opened before this migration get an id now (random, not derived from the hash).
  const old = await db.selectFrom('sessions').select('token_hash').execute();
  for (const s of old)
    await db
      .updateTable('sessions')
      .set({ id: randomUUID() })
      .where('token_hash', '=', s.token_hash)
      .execute();
  await db.schema
    .createIndex('sessions_account_id')
    .on('sessions')
    .columns(['account_id', 'id'])
    .unique()
    .execute();

  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('blocked_until', 'text')
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_throttle_last_failure')
    .on('sign_in_throttle')
    .column('last_failure_at')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
