import { CompiledQuery, type Insertable } from 'kysely';
import { bulkRunnerOf } from './bulk-runner';
import { kysely } from './conn';
import type { Database } from './database';
import type { Conn } from './store';

/**
 * Rows per multi-row statement. SQLite allows 32,766 bound variables and PostgreSQL 65,535; the
 * widest table (contacts, 27 columns) stays under both at 500 rows.
 */
export const ROWS_PER_STATEMENT = 500;

/** Splits a list into consecutive slices of at most `size`. */
export function chunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * SQL of a multi-row insert by table, column list and row count: the same statement repeats. Kept
 * per dialect adapter (one per database, shared by its transactions): SQLite writes `?`, PostgreSQL `$1`.
 */
const compiledByAdapter = new WeakMap<object, Map<string, string>>();

/**
 * Slices of ROWS_PER_STATEMENT rows, the rest in power-of-two sizes (300 → 256 + 32 + 8 + 4):
 * a commit writes a few hundred e-mails per page, and a statement of a new row count is a new
 * SQL text that Kysely compiles again (~10 ms for hundreds of rows); these sizes repeat.
 */
function statementChunks<T>(items: readonly T[]): T[][] {
  let i = items.length - (items.length % ROWS_PER_STATEMENT);
  const out = chunks(items.slice(0, i));
  // The rest is under 500 < 512 rows, so one slice of each power of two below 512 covers it.
  for (let size = 256; size >= 1; size >>= 1)
    if (items.length - i >= size) {
      out.push(items.slice(i, i + size));
      i += size;
    }
  return out;
}

/** The row has exactly these keys, none undefined; checked without building key arrays per row (30,000 contacts). */
function hasShape(row: Readonly<Record<string, unknown>>, columns: readonly string[]): boolean {
  let keys = 0;
  for (const key in row) {
    keys++;
    if (row[key] === undefined) return false;
  }
  return keys === columns.length && columns.every((c) => c in row);
}

/**
 * Multi-row inserts of many rows, 500 a statement. The SQL of a statement is compiled by Kysely
 * once per (table, columns, row count) and reused with fresh parameters: building the query tree
 * for 13,500 values per statement was a third of the cost of a 30,000-contact import.
 * Rows must share one shape (the same keys in the same order); others take Kysely's ordinary path.
 */
export async function insertMany<T extends keyof Database & string>(
  conn: Conn,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  options: {
    /** Columns of a unique key: a row that would repeat it is left out (ON CONFLICT DO NOTHING). */
    ignoreConflictOn?: readonly (keyof Database[T] & string)[];
    /**
     * Leaves out of a statement the columns that are null in all of its rows, so that they take
     * their default. Only for tables whose nullable columns default to NULL (all of Tend's): binding
     * and compiling a dozen always-null columns of an imported contact cost ~0.1 s on 30,000 rows.
     */
    omitNullColumns?: boolean;
  } = {},
): Promise<void> {
  const db = kysely(conn);
  const { ignoreConflictOn, omitNullColumns = false } = options;
  const adapter = db.getExecutor().adapter;
  let compiled = compiledByAdapter.get(adapter);
  if (!compiled) {
    compiled = new Map();
    compiledByAdapter.set(adapter, compiled);
  }
  for (const part of statementChunks(rows)) {
    // Insertable<Database[T]> of a generic table T cannot be indexed by a column name; its rows are plain records.
    const cells = part as readonly Record<string, unknown>[];
    const allColumns = Object.keys(part[0] ?? {});
    // Kysely leaves out undefined values; the cached SQL would then have the wrong column count.
    const sameShape = part.every((r) => hasShape(r, allColumns));
    const columns = omitNullColumns ? allColumns.filter((c) => cells.some((r) => r[c] !== null)) : allColumns;
    const statement = (values: typeof part) => {
      const q = db.insertInto(table).values(values);
      return ignoreConflictOn ? q.onConflict((oc) => oc.columns(ignoreConflictOn).doNothing()) : q;
    };
    if (!sameShape) {
      await statement(part).execute();
      continue;
    }
    // In a transaction (which holds the one SQLite connection), the dialect's bulk runner takes the
    // rows one statement each; outside one, a lone statement is its own commit, so VALUES lists stay.
    const bulk = db.isTransaction ? bulkRunnerOf(adapter) : undefined;
    const key = `${table}|${columns.join(',')}|${bulk ? 1 : part.length}|${ignoreConflictOn?.join(',') ?? ''}`;
    let text = compiled.get(key);
    if (text === undefined) {
      const picked = (bulk ? cells.slice(0, 1) : cells).map((r) =>
        Object.fromEntries(columns.map((c) => [c, r[c]])),
      );
      // The same rows cut to `columns`: still rows of table T, which TypeScript cannot follow through fromEntries.
      const shaped = picked as typeof part;
      text = statement(columns === allColumns && !bulk ? part : shaped).compile().sql;
      compiled.set(key, text);
    }
    if (bulk) {
      bulk.runMany(
        text,
        cells.map((row) => columns.map((column) => row[column] ?? null)),
      );
      continue;
    }
    const params: unknown[] = [];
    for (const row of cells) {
      for (const column of columns) params.push(row[column] ?? null);
    }
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}
