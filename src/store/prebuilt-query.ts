import { CompiledQuery } from 'kysely';
import type { Db } from './database';

/** The stand-in for the value named `name` while a query is compiled: it is bound in its place. */
export type Marker<K extends string> = (name: K) => string;

const MARK = '\u0000prebuilt:';

/** The compiled SQL of one shape and, for each of its parameters, the name of the value it takes. */
interface Template {
  sql: string;
  names: string[];
}

const templates = new WeakMap<object, Map<string, Template>>();

/**
 * Runs a query built and compiled once per adapter and `shape`, then bound to `values` by name.
 * Building a query with Kysely and compiling it cost more CPU than SQLite spent running the
 * dashboard's two statements on the demo network (freezing its nodes, visiting them); the SQL text
 * only changes with the shape (how many groups, which branches), as in store/chunks.ts. `build`
 * puts markers in place of the values; every parameter of the compiled query must be one of them
 * (a value inlined or computed at build time would be bound from the first call, so it is refused).
 * `shape` must name everything `build` branches on besides the markers.
 */
export async function runPrebuilt<R, K extends string>(
  db: Db,
  shape: string,
  values: Readonly<Record<K, unknown>>,
  build: (value: Marker<K>) => CompiledQuery<R>,
): Promise<R[]> {
  const adapter = db.getExecutor().adapter;
  let byShape = templates.get(adapter);
  if (!byShape) {
    byShape = new Map();
    templates.set(adapter, byShape);
  }
  let template = byShape.get(shape);
  if (!template) {
    template = compileTemplate(build);
    // Shapes are few (group counts and branch patterns); a bound keeps a stray caller from growing it.
    if (byShape.size > 500) byShape.clear();
    byShape.set(shape, template);
  }
  const byName: Readonly<Record<string, unknown>> = values;
  const params = template.names.map((name) => {
    if (!Object.hasOwn(byName, name)) throw new Error(`prebuilt query: no value for ${name}`);
    return byName[name];
  });
  const result = await db.executeQuery<R>(CompiledQuery.raw(template.sql, params));
  return result.rows;
}

function compileTemplate<R, K extends string>(build: (value: Marker<K>) => CompiledQuery<R>): Template {
  const compiled = build((name) => `${MARK}${name}`);
  const names = compiled.parameters.map((p, i) => {
    if (typeof p !== 'string' || !p.startsWith(MARK)) {
      throw new Error(`prebuilt query: parameter ${i + 1} is not a named value`);
    }
    return p.slice(MARK.length);
  });
  return { sql: compiled.sql, names };
}
