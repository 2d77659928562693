import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Prepared inserts kept per database handle; a commit repeats a few dozen distinct texts. */
const MAX_CACHED = 64;

/**
 * The handle Kysely's SqliteDialect is given, preparing each INSERT text once. Kysely prepares
 * every statement again on each execution, and an import commit runs the same 500-row inserts
 * hundreds of times (~0.5 s of better-sqlite3's prepare in a 30,000-row LinkedIn commit). Only
 * inserts are kept: they run to completion in one call, so a cached statement is never busy, where
 * a select could still be iterating (Kysely's stream) when the same text runs again.
 */
export function sqliteStatements(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql) => {
      if (!/^\s*insert\b/i.test(sql)) return sqlite.prepare(sql);
      const hit = cache.get(sql);
      if (hit) return hit;
      const statement = sqlite.prepare(sql);
      if (cache.size >= MAX_CACHED) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
