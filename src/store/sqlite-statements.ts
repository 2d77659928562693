import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept prepared. */
const KEPT = 200;
/**
 * Longer texts are prepared each time: `IN (…)` lists of every length and multi-row inserts are
 * large programs, and keeping hundreds of them grew the capture benchmark's peak RSS by ~100 MB.
 */
const KEPT_SQL_LENGTH = 2000;

/**
 * The handle Kysely's SqliteDialect uses, with prepared statements kept by SQL text: Kysely's
 * driver prepares every query again, which was a fifth of the CPU of capturing an mbox (thousands
 * of identical UPDATEs per batch). Least recently used texts go first; a statement still iterating
 * (a stream) is never handed out twice, a fresh one is prepared instead.
 */
export function cachedStatements(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      kept.clear();
      sqlite.close();
    },
    prepare: (sql: string): SqliteStatement => {
      const hit = kept.get(sql);
      if (hit && !hit.busy) {
        kept.delete(sql);
        kept.set(sql, hit);
        return hit;
      }
      const stmt = sqlite.prepare(sql);
      if (!hit && sql.length <= KEPT_SQL_LENGTH) {
        kept.set(sql, stmt);
        if (kept.size > KEPT) kept.delete(kept.keys().next().value ?? '');
      }
      return stmt;
    },
  };
}
