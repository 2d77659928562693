import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { openPostgres } from '../src/store/postgres';
import { openSqlite } from '../src/store/sqlite';
import { type DatasetSize, FULL_SIZE, GENERATOR_VERSION, generate } from './dataset';
import { postgresSink, sqliteSink } from './sinks';

const HERE = dirname(fileURLToPath(import.meta.url));
const DATA_DIR = join(HERE, '.data');
const MIGRATIONS_DIR = join(HERE, '..', 'src', 'store', 'migrations');

export interface Generated {
  accountId: string;
  /** Seconds spent generating (wall clock); null when a cached database was reused. */
  seconds: number | null;
  /** CPU seconds of this process while generating: steadier than wall time on a shared machine. */
  cpuSeconds: number | null;
  rows: number | null;
  bytes: number;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
}

/** BENCH_SCALE=0.05 shrinks the data set for quick runs while developing the bench itself. */
export function benchSize(): DatasetSize {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  return {
    contacts: Math.round(FULL_SIZE.contacts * scale),
    interactions: Math.round(FULL_SIZE.interactions * scale),
  };
}

const sizeTag = (size: DatasetSize) => `today-${size.contacts}c-${size.interactions}i`;

/**
 * The cache file for `size`, keyed by the generator version and the set of migrations: a schema
 * change (a new or renamed migration) must rebuild the data, not migrate a stale file.
 */
export function sqlitePath(size: DatasetSize): string {
  const migrations = readdirSync(MIGRATIONS_DIR).sort().join('\n');
  const key = createHash('sha256').update(`${GENERATOR_VERSION}\n${migrations}`).digest('hex').slice(0, 10);
  return join(DATA_DIR, `${sizeTag(size)}-${key}.sqlite`);
}

/** The cached SQLite database for `size`, generated first if this generator version has none yet. */
export async function sqliteDataset(size: DatasetSize = benchSize()): Promise<Generated & { path: string }> {
  const path = sqlitePath(size);
  if (existsSync(path)) {
    const db = new SQLite(path, { readonly: true });
    const { id } = db.prepare('SELECT id FROM accounts').get() as { id: string };
    db.close();
    return { path, accountId: id, seconds: null, cpuSeconds: null, rows: null, bytes: statSync(path).size };
  }
  // Older caches of this size are stale now; at 1.4 GiB each they must not pile up.
  if (existsSync(DATA_DIR))
    for (const f of readdirSync(DATA_DIR))
      if (f.startsWith(`${sizeTag(size)}-`) && f.includes('.sqlite'))
        rmSync(join(DATA_DIR, f), { force: true });
  const tmp = `${path}.tmp`;
  const started = performance.now();
  const cpu = process.cpuUsage();
  // The app's own open runs the migrations, so the schema is exactly the app's.
  await (await openSqlite(tmp)).close();
  const db = new SQLite(tmp);
  db.pragma('foreign_keys = ON');
  // Durability is pointless while building a throwaway file: no journal, no syncs, and a cache big
  // enough that index pages never spill. The file goes back to WAL, as the app keeps it, at the end.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -3000000');
  // Secondary indexes are dropped for the load and rebuilt from their own SQL: sorting once is far
  // cheaper than 2 M random B-tree inserts, and the schema ends up byte-for-byte the migration's.
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  const sink = sqliteSink(db);
  db.exec('BEGIN');
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
  const { accountId } = await generate(sink, size);
  for (const i of indexes) db.exec(i.sql);
  db.exec('COMMIT');
  db.pragma('journal_mode = WAL');
  db.close();
  renameSync(tmp, path);
  const seconds = (performance.now() - started) / 1000;
  return { path, accountId, seconds, cpuSeconds: cpuSince(cpu), rows: sink.rows, bytes: statSync(path).size };
}

/** Generates the same data into the (empty) PostgreSQL database at `url`, migrated by the app's own open. */
export async function postgresDataset(url: string, size: DatasetSize = benchSize()): Promise<Generated> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await (await openPostgres(url, 1)).close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const sink = await postgresSink(client);
    await client.query('BEGIN');
    // As on SQLite: secondary indexes are rebuilt once after the load from their own definitions, and
    // the per-row foreign-key triggers are off while loading (the same rows pass them on SQLite).
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
       WHERE i.schemaname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    );
    for (const i of indexes) await client.query(`DROP INDEX "${i.name}"`);
    await client.query('SET LOCAL session_replication_role = replica');
    const { accountId } = await generate(sink, size);
    await client.query('SET LOCAL session_replication_role = origin');
    for (const i of indexes) await client.query(i.def);
    await client.query('COMMIT');
    // Autovacuum would analyze the freshly loaded tables soon anyway; do it now so plans are stable.
    await client.query('ANALYZE');
    const seconds = (performance.now() - started) / 1000;
    const { rows } = await client.query<{ bytes: string }>(
      'SELECT pg_database_size(current_database()) AS bytes',
    );
    return { accountId, seconds, cpuSeconds: cpuSince(cpu), rows: sink.rows, bytes: Number(rows[0]!.bytes) };
  } finally {
    await client.end();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const g = await sqliteDataset();
  console.log(
    g.seconds === null
      ? `cached: ${g.path}`
      : `generated ${g.rows} rows in ${g.seconds.toFixed(1)} s (${g.cpuSeconds?.toFixed(1)} s CPU): ${g.path} (${(g.bytes / 2 ** 20).toFixed(0)} MiB)`,
  );
}
