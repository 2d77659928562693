import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from './database';

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

/** How many shapes each database keeps: Today's row load has one per candidate count. */
const MAX_SHAPES = 64;

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
  const byDatabase = new WeakMap<object, Map<string, { compiled: CompiledQuery; params: Param[] }>>();
  return (db, v) => {
    const adapter = db.getExecutor().adapter;
    let shapes = byDatabase.get(adapter);
    if (!shapes) {
      shapes = new Map();
      byDatabase.set(adapter, shapes);
    }
    const key = spec.key(v);
    let t = shapes.get(key);
    if (!t) {
      const standIn = spec.sentinel(v, sentinels());
      const slots = spec.slots(standIn);
      const compiled = spec.build(db, standIn).compile();
      const params = compiled.parameters.map((p): Param => {
        const slot = slots.indexOf(p);
        if (slot >= 0) return { slot };
        if (isStandIn(p)) throw new Error(`query template ${key}: a parameter is computed from a value`);
        return { constant: p };
      });
      if (shapes.size >= MAX_SHAPES) {
        const oldest = shapes.keys().next().value;
        if (oldest !== undefined) shapes.delete(oldest);
      }
      t = { compiled, params };
      shapes.set(key, t);
    }
    const values = spec.slots(v);
    return {
      ...t.compiled,
      parameters: t.params.map((p) => ('slot' in p ? values[p.slot] : p.constant)),
    };
  };
}
