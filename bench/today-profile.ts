import { readFileSync } from 'node:fs';
import { getToday } from '../src/services/today.service';
import { TODAY_EXTENSIONS } from '../src/services/today-extensions';
import { cpuPerCall, profileSetup } from './profile-setup';

/**
 * `tsx bench/today-profile.ts`: server CPU per getToday call in process, and per Today extension,
 * on the demo network (300 contacts, as bench:http) or with BENCH_PROFILE_DATA=1 on the cached
 * benchmark data set (BENCH_SCALE as `npm run bench`). Run under `node --cpu-prof --import tsx`
 * for a profile. N calls each (default 200) after a warm-up.
 */
const N = Number(process.env.N ?? 200);
const big = process.env.BENCH_PROFILE_DATA === '1';
const { deps, accountId, now } = await profileSetup(big);
const { store } = deps;
const nowIso = now.toISOString();
console.log(`load ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
console.log('getToday CPU ms/call', await cpuPerCall(() => getToday(deps, accountId, { now: nowIso }), N));
for (const e of TODAY_EXTENSIONS)
  console.log(`  ${e.name}`, await cpuPerCall(() => e(deps, accountId, nowIso), N));
const out = await getToday(deps, accountId, { now: nowIso });
console.log('items', out.items.length, 'more', out.more.length, 'JSON bytes', JSON.stringify(out).length);
await store.close();
