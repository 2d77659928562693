import { type Kysely, PostgresAdapter } from 'kysely';

/** Migrations (and planner-stats.ts, PostgreSQL only) must know the dialect; everything above uses the Store adapters. */
export function isPostgres(db: Pick<Kysely<unknown>, 'getExecutor'>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
