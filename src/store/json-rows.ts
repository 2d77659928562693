import { type Compilable, type RawBuilder, sql } from 'kysely';
import { isOneOf } from '../core/one-of';
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

/** One query whose rows are read packed: its columns, in order, and the decoder of one row. */
export interface RowSet<T> {
  query: Compilable<Record<string, unknown>> & { execute(): Promise<Record<string, unknown>[]> };
  columns: readonly string[];
  row: (values: readonly unknown[]) => T;
}

/** A RowSet with its types checked: the columns are the query's own. */
export function rowSet<O extends Record<string, unknown>, T>(
  query: Compilable<O> & { execute(): Promise<O[]> },
  columns: readonly (keyof O & string)[],
  row: (values: readonly unknown[]) => T,
): RowSet<T> {
  return { query, columns, row };
}

type Decoded<S extends Record<string, Pick<RowSet<unknown>, 'row'>>> = {
  [K in keyof S]: ReturnType<S[K]['row']>[];
};

/**
 * The rows of several queries in one statement, each query's rows packed as one JSON array of
 * arrays and decoded by its `row`. The drivers build a JavaScript value per column of every row,
 * and each statement costs its own round through Kysely and the driver: Today's eight row loads
 * were a third of its SQLite time on the demo network as eight statements of plain rows
 * (bench/RESULTS.md); pg likewise parses every column of every row. Without registered functions
 * (a handle not opened by store/), each query is read as usual.
 */
export async function jsonRowSets<S extends Record<string, RowSet<unknown>>>(
  db: Db,
  sets: S,
): Promise<Decoded<S>> {
  const entries = Object.entries(sets);
  const query = jsonRowSetsSql(db, sets);
  const out: Record<string, unknown[]> = {};
  if (!query) {
    for (const [name, set] of entries)
      out[name] = (await set.query.execute()).map((r) => set.row(set.columns.map((c) => r[c])));
    return decoded(out, sets);
  }
  return decodeRowSets((await query.execute(db)).rows[0], sets);
}

/** The one row of a packed statement (jsonRowSetsSql) decoded set by set, for callers that run it themselves. */
export function decodeRowSets<S extends Record<string, Pick<RowSet<unknown>, 'row'>>>(
  packed: Record<string, unknown> | undefined,
  sets: S,
): Decoded<S> {
  const out: Record<string, unknown[]> = {};
  for (const [name, set] of Object.entries(sets)) {
    const value = packed?.[name];
    const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
    if (!Array.isArray(parsed)) throw new Error(`json rows: no array for ${name}`);
    out[name] = parsed.map((values: unknown) => {
      if (!Array.isArray(values)) throw new Error(`json rows: a row of ${name} is not an array`);
      return set.row(values);
    });
  }
  return decoded(out, sets);
}

function decoded<S extends Record<string, Pick<RowSet<unknown>, 'row'>>>(
  out: Record<string, unknown[]>,
  sets: S,
): Decoded<S> {
  for (const k of Object.keys(sets)) if (!(k in out)) throw new Error(`json rows: ${k} missing`);
  // Filled key by key from `sets`, each by that set's own decoder (checked above): no guard can
  // state a mapped type over the keys, so the cast says it once.
  return out as Decoded<S>;
}

/** Whether `db` packs rows (its dialect's JSON functions are registered): handles opened by store/ do. */
export function hasJsonRows(db: Db): boolean {
  return functions.has(db.getExecutor().adapter);
}

/** The one packed statement of `sets`, or null without registered functions (the baseline sends it too). */
export function jsonRowSetsSql(
  db: Db,
  sets: Record<string, Pick<RowSet<unknown>, 'query' | 'columns'>>,
): RawBuilder<Record<string, unknown>> | null {
  const f = functions.get(db.getExecutor().adapter);
  if (!f) return null;
  const packed = Object.entries(sets).map(([name, { query, columns }]) => {
    const values = sql.join(columns.map((c) => sql.ref(`t.${c}`)));
    return sql`(select coalesce(${sql.raw(f.agg)}(${sql.raw(f.array)}(${values})), ${sql.lit('[]')}) from (${query}) as t) as ${sql.ref(name)}`;
  });
  return sql<Record<string, unknown>>`select ${sql.join(packed)}`;
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
  return (v: unknown): V => (isOneOf(values, v) ? v : bad(values.join('|'), v));
}
export function oneOfOrNull<const V extends string>(values: readonly V[]) {
  const one = oneOf(values);
  return (v: unknown): V | null => (v === null ? null : one(v));
}
