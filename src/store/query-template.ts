import { CompiledQuery, type Kysely } from 'kysely';
import type { Database, Db } from './database';

/** Unique stand-ins for a query's values while its template is compiled. */
export interface Sentinels {
  text(): string;
  int(): number;
}

// Far outside any value a query of ours binds (limits, months, days, leads), and negative, so a
// value computed from a stand-in (a sum, a product) is recognised below and refused.
const INT_BASE = -987_654_321;
const TEXT_MARK = '\u0000tend-slot:';

function sentinels(): Sentinels {
  let n = 0;
  // Integers a million apart, so `value + 1` is never another value's stand-in.
  return { text: () => `${TEXT_MARK}${n++}`, int: () => INT_BASE - 1_000_000 * ++n };
}

const isStandIn = (v: unknown) =>
  (typeof v === 'string' && v.includes(TEXT_MARK)) || (typeof v === 'number' && v <= INT_BASE);

export interface TemplateSpec<V, D = Database> {
  /** The query's shape: equal keys must build the same SQL (list lengths, optional parts). */
  key(v: V): string;
  /** Values of the same shape as `v`, each scalar drawn from `s`. */
  sentinel(v: V, s: Sentinels): V;
  /** Every scalar of `v` the query may bind, in a fixed order. */
  slots(v: V): readonly unknown[];
  build(db: Kysely<D>, v: V): { compile(): CompiledQuery };
}

/** How many shapes each database keeps per template: Today's row load has one per candidate count. */
const MAX_SHAPES = 64;

/** One template's compiled shapes, per database (its Kysely adapter), oldest dropped past MAX_SHAPES. */
function shapeCache<T>(): (adapter: object, key: string, make: () => T) => T {
  const byDatabase = new WeakMap<object, Map<string, T>>();
  return (adapter, key, make) => {
    let shapes = byDatabase.get(adapter);
    if (!shapes) {
      shapes = new Map();
      byDatabase.set(adapter, shapes);
    }
    let t = shapes.get(key);
    if (t === undefined) {
      t = make();
      if (shapes.size >= MAX_SHAPES) {
        const oldest = shapes.keys().next().value;
        if (oldest !== undefined) shapes.delete(oldest);
      }
      shapes.set(key, t);
    }
    return t;
  };
}

/**
 * A query built by Kysely once per shape and database, then sent with each call's values: building
 * and compiling a query with a few hundred IN-list values costs more than SQLite takes to run it
 * (a quarter of Today's CPU on the demo network went to Kysely). The template is compiled from
 * stand-in values; each bound parameter is then either one of the stand-ins (its slot) or a value
 * the builder wrote itself (a constant, kept). A parameter computed from a stand-in would be wrong
 * for every other call, so it is refused when the template is made.
 */
export function queryTemplate<V, D = Database>(
  spec: TemplateSpec<V, D>,
): (db: Kysely<D>, v: V) => CompiledQuery {
  type Param = { slot: number } | { constant: unknown };
  const cache = shapeCache<{ compiled: CompiledQuery; params: Param[] }>();
  return (db, v) => {
    const key = spec.key(v);
    const t = cache(db.getExecutor().adapter, key, () => {
      const standIn = spec.sentinel(v, sentinels());
      const slots = spec.slots(standIn);
      const compiled = spec.build(db, standIn).compile();
      const params = compiled.parameters.map((p): Param => {
        const slot = slots.indexOf(p);
        if (slot >= 0) return { slot };
        if (isStandIn(p)) throw new Error(`query template ${key}: a parameter is computed from a value`);
        return { constant: p };
      });
      return { compiled, params };
    });
    const values = spec.slots(v);
    return {
      ...t.compiled,
      parameters: t.params.map((p) => ('slot' in p ? values[p.slot] : p.constant)),
    };
  };
}

/** The stand-in for the value named `name` while a query is compiled: it is bound in its place. */
export type Marker<K extends string> = (name: K) => string;

const MARK = '\u0000tend-named:';
const named = shapeCache<{ sql: string; names: string[] }>();

/**
 * queryTemplate for a query written as sql`` with named values: `build` puts markers in place of
 * the values, and every parameter of the compiled query must be one of them (a value inlined or
 * computed at build time would be bound from the first call on, so it is refused); each call binds
 * `values` by name. `shape` names everything `build` branches on besides the markers, e.g. how many
 * groups (the dashboard's statements).
 */
export async function runNamedTemplate<R, K extends string>(
  db: Db,
  shape: string,
  values: Readonly<Record<K, unknown>>,
  build: (value: Marker<K>) => CompiledQuery<R>,
): Promise<R[]> {
  const t = named(db.getExecutor().adapter, shape, () => {
    const compiled = build((name) => `${MARK}${name}`);
    const names = compiled.parameters.map((p, i) => {
      if (typeof p !== 'string' || !p.startsWith(MARK))
        throw new Error(`query template ${shape}: parameter ${i + 1} is not a named value`);
      return p.slice(MARK.length);
    });
    return { sql: compiled.sql, names };
  });
  const byName: Readonly<Record<string, unknown>> = values;
  const params = t.names.map((name) => {
    if (!Object.hasOwn(byName, name)) throw new Error(`query template ${shape}: no value for ${name}`);
    return byName[name];
  });
  return (await db.executeQuery<R>(CompiledQuery.raw(t.sql, params))).rows;
}
