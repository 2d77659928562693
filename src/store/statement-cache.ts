import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** How many distinct SQL texts stay compiled: the app issues a few hundred shapes, IN-lists vary. */
export const STATEMENT_CACHE_SIZE = 200;
/**
 * Longer texts go to a second, much smaller cache: `IN (…)` lists of every length and multi-row
 * inserts are large programs, and keeping 500 of them of any length grew the capture benchmark's
 * peak RSS by ~100 MB.
 */
export const CACHED_SQL_LENGTH = 2000;
/**
 * Long texts kept compiled. An import repeats the same few multi-row inserts (500 rows of one table,
 * then power-of-two rests): compiling a 13,500-parameter INSERT each time was ~0.3 s of a
 * 30,000-row commit. Eight programs of a few hundred KB each.
 */
export const LONG_STATEMENT_CACHE_SIZE = 8;

export interface CachedDatabase extends SqliteDatabase {
  /** Statements held now (for tests: the caches are bounded). */
  size(): number;
}

/** A least-recently-used map of compiled statements by SQL text, at most `max` of them. */
function lru(max: number) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    cache,
    get(sql: string): SQLite.Statement | undefined {
      const hit = cache.get(sql);
      // Map keeps insertion order: re-inserting marks it most recently used.
      if (hit && !hit.busy) {
        cache.delete(sql);
        cache.set(sql, hit);
      }
      return hit;
    },
    put(sql: string, statement: SQLite.Statement): void {
      cache.set(sql, statement);
      if (cache.size > max) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
    },
  };
}

/**
 * better-sqlite3 for Kysely's SqliteDialect, with compiled statements kept in small LRUs keyed by
 * the SQL text: Kysely prepares every query afresh, and compiling costs as much as running a short
 * one. A statement still being iterated (a stream) is not shared: a fresh one is prepared instead.
 * Closing the database drops the caches.
 */
export function cachedStatements(
  sqlite: SQLite.Database,
  max = STATEMENT_CACHE_SIZE,
  maxLong = LONG_STATEMENT_CACHE_SIZE,
): CachedDatabase {
  const short = lru(max);
  const long = lru(maxLong);
  return {
    prepare(sql: string): SqliteStatement {
      const cache = sql.length > CACHED_SQL_LENGTH ? long : short;
      const hit = cache.get(sql);
      if (hit && !hit.busy) return hit;
      const statement = sqlite.prepare(sql);
      if (!hit) cache.put(sql, statement);
      return statement;
    },
    close() {
      short.cache.clear();
      long.cache.clear();
      sqlite.close();
    },
    size: () => short.cache.size + long.cache.size,
  };
}
