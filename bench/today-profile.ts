import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { signUp } from '../src/services/auth.service';
import { seedDemo } from '../src/services/demo/demo.service';
import { getToday } from '../src/services/today.service';
import { TODAY_EXTENSIONS } from '../src/services/today-extensions';
import { openSqlite } from '../src/store/sqlite';
import { BENCH_NOW } from './bench-time';
import { sqliteDataset } from './generate';

/**
 * `tsx bench/today-profile.ts`: server CPU per getToday call in process, and per Today extension,
 * on the demo network (300 contacts, as bench:http) or with BENCH_PROFILE_DATA=1 on the cached
 * benchmark data set (BENCH_SCALE as `npm run bench`). Run under `node --cpu-prof --import tsx`
 * for a profile. N calls each (default 200) after a warm-up.
 */
const N = Number(process.env.N ?? 200);
const big = process.env.BENCH_PROFILE_DATA === '1';
const setup = async () => {
  if (big) {
    const data = await sqliteDataset();
    const store = await openSqlite(data.path);
    return { store, accountId: data.accountId, now: new Date(BENCH_NOW) };
  }
  const store = await openSqlite(':memory:');
  const now = new Date();
  const deps = { store, clock: () => now, newId: randomUUID };
  const me = await signUp(
    deps,
    {
      email: 'p@example.com',
      name: 'P',
      password: 'correct horse battery staple',
      timeZone: 'Europe/London',
    },
    true,
  );
  if (!('created' in me)) throw new Error('sign-up created no account');
  await seedDemo(deps, me.created.accountId);
  return { store, accountId: me.created.accountId, now };
};
const { store, accountId, now } = await setup();
const deps = { store, clock: () => now, newId: randomUUID };
const nowIso = now.toISOString();
const cpuPerCall = async (f: () => Promise<unknown>, n: number) => {
  for (let i = 0; i < Math.min(20, n); i++) await f();
  const a = process.cpuUsage();
  for (let i = 0; i < n; i++) await f();
  const d = process.cpuUsage(a);
  return ((d.user + d.system) / 1000 / n).toFixed(3);
};
console.log(`load ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
console.log('getToday CPU ms/call', await cpuPerCall(() => getToday(deps, accountId, { now: nowIso }), N));
for (const e of TODAY_EXTENSIONS)
  console.log(`  ${e.name}`, await cpuPerCall(() => e(deps, accountId, nowIso), N));
const out = await getToday(deps, accountId, { now: nowIso });
console.log('items', out.items.length, 'more', out.more.length, 'JSON bytes', JSON.stringify(out).length);
await store.close();
