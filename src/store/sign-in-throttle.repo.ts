import { sql } from 'kysely';
import { kysely } from './conn';
import type { Conn } from './store';

export interface ThrottleRow {
  failures: number;
  blockedUntil: string | null;
  lastFailureAt: string;
}

export async function findThrottle(conn: Conn, key: string): Promise<ThrottleRow | undefined> {
  const db = kysely(conn);
  const r = await db.selectFrom('sign_in_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  return (
    r && { failures: Number(r.failures), blockedUntil: r.blocked_until, lastFailureAt: r.last_failure_at }
  );
}

/**
 * Counts one more failure, atomically (an upsert, so concurrent failures on two instances both
 * count), starting over when the last one was before `forgetBefore`; returns the new count.
 */
export async function countFailure(
  conn: Conn,
  key: string,
  now: string,
  forgetBefore: string,
): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .insertInto('sign_in_throttle')
    .values({ key, failures: 1, blocked_until: null, last_failure_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when sign_in_throttle.last_failure_at < ${forgetBefore} then 1 else sign_in_throttle.failures + 1 end`,
        last_failure_at: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(r.failures);
}

export async function setBlockedUntil(conn: Conn, key: string, until: string | null): Promise<void> {
  const db = kysely(conn);
  await db.updateTable('sign_in_throttle').set({ blocked_until: until }).where('key', '=', key).execute();
}

/** A successful sign-in starts the count over. */
export async function clearThrottle(conn: Conn, key: string): Promise<void> {
  const db = kysely(conn);
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}

/** Forgets runs of failures that ended before `before` and no longer block, so the table stays small. */
export async function pruneThrottle(conn: Conn, before: string, now: string): Promise<void> {
  const db = kysely(conn);
  await db
    .deleteFrom('sign_in_throttle')
    .where('last_failure_at', '<', before)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', now)]))
    .execute();
}
