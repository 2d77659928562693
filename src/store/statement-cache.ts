import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** How many distinct SQL texts stay compiled: the app issues a few hundred shapes, IN-lists vary. */
export const STATEMENT_CACHE_SIZE = 200;
/**
 * Longer texts are prepared each time: `IN (…)` lists of every length and multi-row inserts are large
 * programs, and keeping 500 of them of any length grew the capture benchmark's peak RSS by ~100 MB.
 */
export const CACHED_SQL_LENGTH = 2000;

export interface CachedDatabase extends SqliteDatabase {
  /** Statements held now (for tests: the cache is bounded). */
  size(): number;
}

/**
 * better-sqlite3 for Kysely's SqliteDialect, with compiled statements kept in a small LRU keyed by
 * the SQL text: Kysely prepares every query afresh, and compiling costs as much as running a short
 * one. A statement still being iterated (a stream) is not shared: a fresh one is prepared instead.
 * Closing the database drops the cache.
 */
export function cachedStatements(sqlite: SQLite.Database, max = STATEMENT_CACHE_SIZE): CachedDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string): SqliteStatement {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        // Map keeps insertion order: re-inserting marks it most recently used.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = sqlite.prepare(sql);
      if (hit || sql.length > CACHED_SQL_LENGTH) return statement;
      cache.set(sql, statement);
      if (cache.size > max) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
    size: () => cache.size,
  };
}
