import { type Compilable, type RawBuilder, sql } from 'kysely';
import type { Db } from './database';

/**
 * A dialect's JSON functions for packing a query's rows into one value: SQLite's json_group_array
 * and json_array, PostgreSQL's json_agg and json_build_array. Registered per Kysely adapter by
 * store/sqlite.ts and store/postgres.ts (like bulk-runner.ts), so no repository names a dialect.
 */
export interface JsonRowFunctions {
  /** The aggregate over rows: json_group_array / json_agg. */
  agg: string;
  /** One row's values as an array: json_array / json_build_array. */
  array: string;
}

const functions = new WeakMap<object, JsonRowFunctions>();

export function registerJsonRows(adapter: object, f: JsonRowFunctions): void {
  functions.set(adapter, f);
}

/**
 * `query`'s rows, `columns` of each, read as one JSON array of arrays and decoded by `row`. The
 * drivers build a JavaScript value per column of every row, and that, not the search, was most of
 * a Today row load (85 contacts × 17 columns: 0.67 ms through better-sqlite3's rows, 0.27 ms as one
 * JSON text, bench/RESULTS.md); pg likewise parses every column of every row. Without registered
 * functions (a handle not opened by store/), the rows are read as usual.
 */
export async function jsonRows<O extends Record<string, unknown>, C extends keyof O & string, T>(
  db: Db,
  query: Compilable<O> & { execute(): Promise<O[]> },
  columns: readonly C[],
  row: (values: readonly unknown[]) => T,
): Promise<T[]> {
  const f = functions.get(db.getExecutor().adapter);
  if (!f) return (await query.execute()).map((r) => row(columns.map((c) => r[c])));
  const packed = await jsonRowsQuery(f, query, columns).execute(db);
  const value = packed.rows[0]?.rows;
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (!Array.isArray(parsed)) throw new Error('json rows: the database returned no array');
  return parsed.map((values: unknown) => {
    if (!Array.isArray(values)) throw new Error('json rows: a row is not an array');
    return row(values);
  });
}

function jsonRowsQuery<O>(f: JsonRowFunctions, query: Compilable<O>, columns: readonly string[]) {
  const values = sql.join(columns.map((c) => sql.ref(`t.${c}`)));
  return sql<{
    rows: unknown;
  }>`select coalesce(${sql.raw(f.agg)}(${sql.raw(f.array)}(${values})), ${sql.lit('[]')}) as rows from (${query}) as t`;
}

/** The packed form of `query` as SQL, for the benchmark's baseline (which must send the same). */
export function jsonRowsSql<O>(
  db: Db,
  query: Compilable<O>,
  columns: readonly string[],
): RawBuilder<{ rows: unknown }> | null {
  const f = functions.get(db.getExecutor().adapter);
  return f ? jsonRowsQuery(f, query, columns) : null;
}

const bad = (what: string, v: unknown): never => {
  throw new Error(`json rows: ${what} expected, got ${typeof v}`);
};
/** Decoders for one packed value, checked: a column is what its table type says or the read fails. */
export const text = (v: unknown): string => (typeof v === 'string' ? v : bad('text', v));
export const textOrNull = (v: unknown): string | null =>
  v === null || typeof v === 'string' ? v : bad('text', v);
export const int = (v: unknown): number => (typeof v === 'number' ? v : bad('integer', v));
export const intOrNull = (v: unknown): number | null =>
  v === null || typeof v === 'number' ? v : bad('integer', v);
/** A decoder for a column typed as one of `values` (a vocabulary list). */
export function oneOf<const V extends string>(values: readonly V[]) {
  return (v: unknown): V => values.find((x) => x === v) ?? bad(values.join('|'), v);
}
export function oneOfOrNull<const V extends string>(values: readonly V[]) {
  const one = oneOf(values);
  return (v: unknown): V | null => (v === null ? null : one(v));
}
