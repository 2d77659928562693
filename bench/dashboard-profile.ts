import { readFileSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { getDashboard } from '../src/services/dashboard.service';
import { cpuPerCall, profileSetup } from './profile-setup';

/**
 * `tsx bench/dashboard-profile.ts`: server CPU per getDashboard call in process on SQLite, on the
 * demo network (300 contacts, as bench:http) or with BENCH_PROFILE_DATA=1 on the cached benchmark
 * data set (BENCH_SCALE=0.3 as `npm run bench:scale`: 30,000 contacts). Run under
 * `node --cpu-prof --import tsx` for a profile. N calls (default 500, 50 on the data set) after a
 * warm-up; then the statements one call runs and the time each takes inside the driver.
 */
const big = process.env.BENCH_PROFILE_DATA === '1';
if (big) process.env.BENCH_SCALE ??= '0.3';
const N = Number(process.env.N ?? (big ? 50 : 500));
const { deps, accountId } = await profileSetup(big);
const { store } = deps;
console.log(`load ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
console.log(
  `${big ? 'data set' : 'demo network'}: getDashboard CPU ms/call`,
  await cpuPerCall(() => getDashboard(deps, accountId), N),
);
// Statements one call runs: better-sqlite3's Statement class is shared by every handle.
const statementProto: Record<string, unknown> = Object.getPrototypeOf(
  new SQLite(':memory:').prepare('select 1'),
);
const perStatement = new Map<string, number>();
let executed = 0;
for (const name of ['all', 'get', 'run', 'iterate']) {
  const original = statementProto[name];
  if (typeof original !== 'function') continue;
  statementProto[name] = function (this: { source: string }, ...args: unknown[]) {
    const t = process.hrtime.bigint();
    const result = original.apply(this, args);
    executed += 1;
    const key = this.source.replace(/\s+/g, ' ').slice(0, 70);
    perStatement.set(key, (perStatement.get(key) ?? 0) + Number(process.hrtime.bigint() - t) / 1e6);
    return result;
  };
}
const out = await getDashboard(deps, accountId);
console.log('statements per call', executed);
perStatement.clear();
for (let i = 0; i < N; i++) await getDashboard(deps, accountId);
// Wall time inside the driver per statement (SQLite runs in this thread, so it is nearly all CPU).
for (const [sql, ms] of perStatement) console.log(`  ${(ms / N).toFixed(3)} ms  ${sql}`);
console.log('tracked', out.health.tracked, 'JSON bytes', JSON.stringify(out).length);
await store.close();
