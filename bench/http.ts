import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { buildServerBundle, type ServerProcess, startServerProcess } from '../test/helpers/server-process';
import { startThrowawayPostgres } from '../test/setup/throwaway-postgres';

/**
 * `npm run bench:http`: the real server bundle (plain node, as production runs it) on loopback, on
 * SQLite and on a throwaway PostgreSQL, with the demo network (~300 contacts); autocannon at 10
 * connections on each endpoint, and 10 concurrent writers logging interactions (every 2xx counted
 * in the database afterwards). BENCH_HTTP_SECONDS (default 5) and BENCH_DIALECTS shorten a run;
 * BENCH_HTTP_BUNDLE times a given server bundle instead of building this tree's.
 */
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const CONNECTIONS = 10;
const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');

interface Row {
  dialect: string;
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  ratio?: number;
  /** Server CPU (user + system) per answered request: steadier than req/s on a shared machine. */
  cpuMs: number;
  cpuRatio?: number;
  note?: string;
}

/** CPU seconds the process has used so far, from /proc (Linux): user + system clock ticks. */
function cpuSeconds(pid: number | undefined): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface Session {
  url: string;
  headers: Record<string, string>;
  contactId: string;
  accountId: string;
}

async function json(res: Response): Promise<unknown> {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return res.json();
}

function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || !(key in value)) throw new Error(`no ${key} in answer`);
  return Object.entries(value).find(([k]) => k === key)?.[1];
}

/** Signs the first user up, mints a token, seeds the demo network and picks one contact. */
async function prepare(url: string): Promise<Session> {
  const signup = await fetch(`${url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'bench@example.com',
      name: 'Bench',
      password: 'correct horse battery staple',
      timeZone: 'Europe/London',
    }),
  });
  const account = await json(signup);
  const cookie = signup.headers
    .getSetCookie()
    .find((c) => c.startsWith('tend_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error('sign-up set no session cookie');
  const token = field(
    await json(
      await fetch(`${url}/api/v1/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-tend-csrf': '1' },
        body: JSON.stringify({ name: 'bench', scopes: ['write', 'admin'] }),
      }),
    ),
    'token',
  );
  const headers = { authorization: `Bearer ${String(token)}`, 'content-type': 'application/json' };
  await json(await fetch(`${url}/api/v1/demo`, { method: 'POST', headers, body: '{}' }));
  const page = field(await json(await fetch(`${url}/api/v1/contacts?limit=1`, { headers })), 'items');
  const first = Array.isArray(page) ? page[0] : undefined;
  return {
    url,
    headers,
    contactId: String(field(first, 'id')),
    accountId: String(field(account, 'accountId')),
  };
}

async function load(
  s: Session,
  path: string,
  opts: {
    method?: 'GET' | 'POST';
    body?: string;
    connections?: number;
    seconds?: number;
    onResponse?: (status: number, body: string) => void;
  } = {},
) {
  const result = await autocannon({
    url: `${s.url}${path}`,
    method: opts.method ?? 'GET',
    headers: s.headers,
    ...(opts.body !== undefined && { body: opts.body }),
    connections: opts.connections ?? CONNECTIONS,
    duration: opts.seconds ?? SECONDS,
    ...(opts.onResponse && { requests: [{ onResponse: opts.onResponse }] }),
  });
  return result;
}

/** Reads the database behind the server directly: interaction rows, and which of these ids exist. */
interface Probe {
  count(accountId: string): Promise<number>;
  stored(ids: string[]): Promise<number>;
}

async function benchServer(dialect: string, server: ServerProcess, db: Probe): Promise<Row[]> {
  const s = await prepare(server.url);
  const rows: Row[] = [];
  const run = async (name: string, path: string) => {
    await load(s, path, { seconds: 1 }); // warm-up: JIT, caches, pool
    const cpu = cpuSeconds(server.child.pid);
    const r = await load(s, path);
    rows.push({
      cpuMs: ((cpuSeconds(server.child.pid) - cpu) * 1000) / Math.max(1, r.requests.total),
      dialect,
      name,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
    });
  };
  await run('GET one contact', `/api/v1/contacts/${s.contactId}`);
  await run('GET /today', '/api/v1/today');
  await run('GET contacts?q=', '/api/v1/contacts?q=an&limit=50');
  await run('GET /dashboard', '/api/v1/dashboard');
  await run('GET /capacity', '/api/v1/capacity');
  await run('GET contacts page', '/api/v1/contacts?limit=50');

  const before = await db.count(s.accountId);
  const body = JSON.stringify({ channel: 'call', direction: 'outbound', summary: 'bench write' });
  // Every 2xx answer names the interaction it stored; each must be in the database afterwards.
  const acknowledged: string[] = [];
  const cpu = cpuSeconds(server.child.pid);
  const w = await load(s, `/api/v1/contacts/${s.contactId}/interactions`, {
    method: 'POST',
    body,
    onResponse: (status, text) => {
      if (status >= 200 && status < 300) acknowledged.push(String(field(JSON.parse(text), 'id')));
    },
  });
  const after = await db.count(s.accountId);
  const stored = await db.stored(acknowledged);
  const ok = acknowledged.length;
  const lost = ok - stored;
  const busy = (server.output().match(/SQLITE_BUSY/g) ?? []).length;
  rows.push({
    dialect,
    name: 'POST interaction ×10',
    cpuMs: ((cpuSeconds(server.child.pid) - cpu) * 1000) / Math.max(1, w.requests.total),
    rps: w.requests.average,
    p50: w.latency.p50,
    p99: w.latency.p99,
    non2xx: w.non2xx,
    errors: w.errors,
    note: `${ok} acknowledged, ${after - before} rows added, ${lost} lost, ${w['5xx']} × 5xx, ${busy} SQLITE_BUSY`,
  });
  const base = rows[0]?.rps ?? 1;
  const baseCpu = rows[0]?.cpuMs ?? 1;
  for (const r of rows) {
    r.ratio = r.rps / base;
    r.cpuRatio = baseCpu / r.cpuMs;
  }
  return rows;
}

async function sqliteRun(bundle: string): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tend-bench-http-'));
  const server = await startServerProcess(bundle, { TEND_DATA_DIR: dataDir });
  try {
    const read = <T>(fn: (db: SQLite.Database) => T): T => {
      const db = new SQLite(join(dataDir, 'tend.db'), { readonly: true });
      try {
        return fn(db);
      } finally {
        db.close();
      }
    };
    return await benchServer('sqlite', server, {
      count: async (accountId) =>
        read((db) =>
          Number(
            field(
              db.prepare('SELECT count(*) AS n FROM interactions WHERE account_id = ?').get(accountId),
              'n',
            ),
          ),
        ),
      stored: async (ids) =>
        read((db) => {
          const one = db.prepare('SELECT 1 FROM interactions WHERE id = ?');
          return ids.filter((id) => one.get(id) !== undefined).length;
        }),
    });
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function postgresRun(bundle: string): Promise<Row[]> {
  const cluster = await startThrowawayPostgres();
  const dataDir = mkdtempSync(join(tmpdir(), 'tend-bench-http-'));
  const url = cluster.adminUrl;
  const server = await startServerProcess(bundle, { TEND_DATA_DIR: dataDir, DATABASE_URL: url });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const count = async (sql: string, param: unknown) =>
      Number(field((await client.query(sql, [param])).rows[0], 'n'));
    return await benchServer('postgres', server, {
      count: (accountId) => count('SELECT count(*) AS n FROM interactions WHERE account_id = $1', accountId),
      stored: (ids) => count('SELECT count(*) AS n FROM interactions WHERE id = ANY($1)', ids),
    });
  } finally {
    await client.end();
    server.child.kill('SIGTERM');
    await server.exited;
    cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function table(rows: Row[]): string {
  const lines = [
    '| dialect  | endpoint              |   req/s | p50 ms | p99 ms | ratio | CPU ms/req | CPU ratio | non-2xx |',
    '|----------|-----------------------|--------:|-------:|-------:|------:|-----------:|----------:|--------:|',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.dialect.padEnd(8)} | ${r.name.padEnd(21)} | ${r.rps.toFixed(0).padStart(7)} | ${String(r.p50).padStart(6)} | ${String(r.p99).padStart(6)} | ${(r.ratio ?? 0).toFixed(2).padStart(5)} | ${r.cpuMs.toFixed(2).padStart(10)} | ${(r.cpuRatio ?? 0).toFixed(2).padStart(9)} | ${String(r.non2xx + r.errors).padStart(7)} |`,
    );
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.dialect}, ${r.name}: ${r.note}`);
  return [...lines, '', ...notes].join('\n');
}

// BENCH_HTTP_BUNDLE: time another build (e.g. main's, for a before/after in one sitting).
const { bundle, dir } = process.env.BENCH_HTTP_BUNDLE
  ? { bundle: process.env.BENCH_HTTP_BUNDLE, dir: null }
  : buildServerBundle();
try {
  const rows: Row[] = [];
  if (dialects.includes('sqlite')) rows.push(...(await sqliteRun(bundle)));
  if (dialects.includes('postgres')) rows.push(...(await postgresRun(bundle)));
  const uptime = execFileSync('uptime').toString().trim();
  console.log(
    `${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? '?'} · Node ${process.version} · ${SECONDS} s per endpoint, ${CONNECTIONS} connections`,
  );
  console.log(`load: ${uptime}\n`);
  console.log(table(rows));
} finally {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
