import type SQLite from 'better-sqlite3';
import type pg from 'pg';
import type { BenchTable, Sink } from './sink';

type Value = string | number | null;
type Row = Record<string, Value>;

// Parents first, so every chunk's foreign keys already exist when it lands.
const ORDER: BenchTable[] = ['accounts', 'users', 'circles', 'contacts'];

/** Buffers rows per table and hands full chunks to `write`, parents first, so foreign keys always hold. */
function bufferedSink(
  chunk: number,
  write: (table: BenchTable, cols: string[], rows: Row[]) => Promise<void> | void,
): Sink & { rows: number } {
  const buffers = new Map<BenchTable, Row[]>();
  const flush = async (table: BenchTable) => {
    const rows = buffers.get(table);
    if (!rows?.length) return;
    buffers.set(table, []);
    await write(table, Object.keys(rows[0]!), rows);
  };
  const sink = {
    rows: 0,
    insert(table: BenchTable, row: object) {
      const list = buffers.get(table) ?? [];
      list.push(row as Row);
      buffers.set(table, list);
      sink.rows++;
    },
    async drain(all = false) {
      for (const t of ORDER) await flush(t);
      for (const [t, rows] of buffers) if (all || rows.length >= chunk) await flush(t);
    },
  };
  return sink;
}

/** Multi-row INSERTs of up to 200 rows through cached prepared statements, inside the caller's transaction. */
export function sqliteSink(db: SQLite.Database): Sink & { rows: number } {
  const statements = new Map<string, SQLite.Statement>();
  const PER_STATEMENT = 200;
  return bufferedSink(1_000, (table, cols, rows) => {
    const tuple = `(${cols.map(() => '?').join(', ')})`;
    for (let i = 0; i < rows.length; i += PER_STATEMENT) {
      const part = rows.slice(i, i + PER_STATEMENT);
      const key = `${table}:${part.length}`;
      let stmt = statements.get(key);
      if (!stmt) {
        stmt = db.prepare(
          `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${part.map(() => tuple).join(', ')}`,
        );
        statements.set(key, stmt);
      }
      const values: Value[] = [];
      for (const r of part) for (const c of cols) values.push(r[c] ?? null);
      stmt.run(values);
    }
  });
}

/**
 * Writes each chunk as one INSERT … SELECT FROM unnest(…) with one array parameter per column:
 * a multi-row insert whose text stays small however many rows it carries.
 */
export async function postgresSink(client: pg.Client): Promise<Sink & { rows: number }> {
  const types = new Map<string, string>();
  const info = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'",
  );
  for (const r of info.rows) types.set(`${r.table_name}.${r.column_name}`, r.data_type);
  return bufferedSink(5_000, async (table, cols, rows) => {
    const casts = cols.map((c, i) => `$${i + 1}::${types.get(`${table}.${c}`) ?? 'text'}[]`);
    await client.query(
      `INSERT INTO ${table} (${cols.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`,
      cols.map((c) => rows.map((r) => r[c] ?? null)),
    );
  });
}
