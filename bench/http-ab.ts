import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServerBundle, type ServerProcess, startServerProcess } from '../test/helpers/server-process';

/**
 * `BENCH_AB_BUNDLE=<main.mjs of another build> tsx bench/http-ab.ts`: that build and this tree's
 * side by side on SQLite, each with the demo network, asked in alternating blocks of sequential
 * requests, so that load from other work on the machine falls on both alike. Reports each server's
 * CPU (user + system, from /proc) per request and its ratio to GET one contact on the same server:
 * on a shared 2-core machine the steadiest before/after figure (autocannon's req/s swing ±2×).
 */
const BLOCK = 20;
const ROUNDS = Number(process.env.BENCH_AB_ROUNDS ?? 10);
const ENDPOINTS = ['one contact', 'today', 'dashboard', 'capacity', 'contacts page'] as const;

function cpuMs(server: ServerProcess): number {
  const stat = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function ok(res: Response): Promise<Response> {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return res;
}

async function seeded(bundle: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tend-bench-ab-'));
  const server = await startServerProcess(bundle, { TEND_DATA_DIR: dataDir });
  const signup = await ok(
    await fetch(`${server.url}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'ab@example.com',
        name: 'AB',
        password: 'correct horse battery staple',
        timeZone: 'Europe/London',
      }),
    }),
  );
  const cookie = signup.headers
    .getSetCookie()
    .find((c) => c.startsWith('tend_session='))
    ?.split(';')[0];
  const headers = { cookie: cookie ?? '', 'x-tend-csrf': '1', 'content-type': 'application/json' };
  await ok(await fetch(`${server.url}/api/v1/demo`, { method: 'POST', headers, body: '{}' }));
  const page: unknown = await (
    await ok(await fetch(`${server.url}/api/v1/contacts?limit=1`, { headers }))
  ).json();
  const first =
    typeof page === 'object' && page !== null && 'items' in page && Array.isArray(page.items)
      ? page.items[0]
      : null;
  const id = typeof first === 'object' && first !== null && 'id' in first ? String(first.id) : '';
  const paths: Record<(typeof ENDPOINTS)[number], string> = {
    'one contact': `/api/v1/contacts/${id}`,
    today: '/api/v1/today',
    dashboard: '/api/v1/dashboard',
    capacity: '/api/v1/capacity',
    'contacts page': '/api/v1/contacts?limit=50',
  };
  return { server, dataDir, headers, paths };
}

type Seeded = Awaited<ReturnType<typeof seeded>>;

async function block(s: Seeded, path: string): Promise<number> {
  const before = cpuMs(s.server);
  for (let i = 0; i < BLOCK; i++)
    await (await ok(await fetch(`${s.server.url}${path}`, { headers: s.headers }))).text();
  return cpuMs(s.server) - before;
}

const other = process.env.BENCH_AB_BUNDLE;
if (!other) throw new Error('BENCH_AB_BUNDLE: the main.mjs to compare with');
const built = buildServerBundle();
const sides = { before: await seeded(other), after: await seeded(built.bundle) };
try {
  // Background work after seeding (health refresh, schedules) must not count: let it settle.
  await new Promise((r) => setTimeout(r, 5000));
  const cpu: Record<string, Record<string, number>> = { before: {}, after: {} };
  for (const e of ENDPOINTS)
    for (const side of ['before', 'after'] as const) await block(sides[side], sides[side].paths[e]); // warm-up
  for (let round = 0; round < ROUNDS; round++)
    for (const e of ENDPOINTS)
      for (const side of round % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const)) {
        const used = await block(sides[side], sides[side].paths[e]);
        cpu[side]![e] = (cpu[side]![e] ?? 0) + used;
      }
  const n = ROUNDS * BLOCK;
  console.log(`load ${readFileSync('/proc/loadavg', 'utf8').trim()} · ${n} requests per endpoint and side\n`);
  console.log(
    '| endpoint      | before CPU ms/req | after CPU ms/req | before ÷ one contact | after ÷ one contact | speed-up |',
  );
  console.log(
    '|---------------|------------------:|-----------------:|---------------------:|--------------------:|---------:|',
  );
  for (const e of ENDPOINTS) {
    const b = (cpu.before![e] ?? 0) / n;
    const a = (cpu.after![e] ?? 0) / n;
    const b1 = (cpu.before!['one contact'] ?? 1) / n;
    const a1 = (cpu.after!['one contact'] ?? 1) / n;
    console.log(
      `| ${e.padEnd(13)} | ${b.toFixed(2).padStart(17)} | ${a.toFixed(2).padStart(16)} | ${(b1 / b).toFixed(2).padStart(19)}× | ${(a1 / a).toFixed(2).padStart(18)}× | ${(b / a).toFixed(2).padStart(7)}× |`,
    );
  }
} finally {
  for (const s of Object.values(sides)) {
    s.server.child.kill('SIGTERM');
    await s.server.exited;
    rmSync(s.dataDir, { recursive: true, force: true });
  }
  rmSync(built.dir, { recursive: true, force: true });
}
