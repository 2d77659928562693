import { type Kysely, PostgresAdapter } from 'kysely';

/** Migrations are the one place that must know the dialect; everything above uses the Store adapters. */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
