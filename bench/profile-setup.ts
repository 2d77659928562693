import { randomUUID } from 'node:crypto';
import { signUp } from '../src/services/auth.service';
import { seedDemo } from '../src/services/demo/demo.service';
import type { Deps } from '../src/services/deps';
import { openSqlite } from '../src/store/sqlite';
import { BENCH_NOW } from './bench-time';
import { sqliteDataset } from './generate';

/**
 * The set-up of the in-process profiles (bench/today-profile.ts, bench/dashboard-profile.ts): the
 * demo network (300 contacts, as bench:http) in memory at the clock's now, or with `big` the cached
 * benchmark data set (BENCH_SCALE as `npm run bench`) at BENCH_NOW.
 */
export async function profileSetup(big: boolean): Promise<{ deps: Deps; accountId: string; now: Date }> {
  if (big) {
    const data = await sqliteDataset();
    const now = new Date(BENCH_NOW);
    const deps = { store: await openSqlite(data.path), clock: () => now, newId: randomUUID };
    return { deps, accountId: data.accountId, now };
  }
  const now = new Date();
  const deps = { store: await openSqlite(':memory:'), clock: () => now, newId: randomUUID };
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
  return { deps, accountId: me.created.accountId, now };
}

/** CPU milliseconds (user + system) per call of `f` over `n` calls, after a warm-up of up to 20. */
export async function cpuPerCall(f: () => Promise<unknown>, n: number): Promise<string> {
  for (let i = 0; i < Math.min(20, n); i++) await f();
  const a = process.cpuUsage();
  for (let i = 0; i < n; i++) await f();
  const d = process.cpuUsage(a);
  return ((d.user + d.system) / 1000 / n).toFixed(3);
}
