import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { listContactPage } from '../src/services/contacts.service';
import { getDashboard } from '../src/services/dashboard.service';
import { capacity } from '../src/services/health.service';
import { getToday } from '../src/services/today.service';
import { BENCH_NOW } from './bench-time';
import { type BenchTarget, postgresTarget, sqliteTarget } from './dialects';
import { type Timing, timeAlternating } from './measure';

/**
 * `npm run bench:scale`: the 30,000-contact account (the Today data set at BENCH_SCALE=0.3: 30k
 * contacts, 600k interactions, cached under bench/.data) with the services called in process at the
 * fixed `now`: Today, the capacity plan (target: within 2× Today), the dashboard, and the contacts
 * list's first page and its "Load more" pages of 50 (target: under 30 ms). Times alternate, so load
 * on the machine hits all alike; the ratio to Today is the figure that carries over.
 */
process.env.BENCH_SCALE ??= '0.3';
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 40);
const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');

async function benchOne(t: BenchTarget): Promise<Record<string, Timing>> {
  const accountId = t.generated.accountId;
  const deps = { store: t.store, clock: () => new Date(BENCH_NOW), newId: randomUUID };
  // "Load more": the cursors of the pages after the first, walked once; each timed call takes the next.
  const cursors: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await listContactPage(deps, accountId, { limit: 50, ...(cursor && { cursor }) });
    cursor = page.nextCursor;
    if (cursor) cursors.push(cursor);
  } while (cursor && cursors.length < 40);
  let next = 0;
  return timeAlternating(
    {
      today: () => getToday(deps, accountId, { now: BENCH_NOW }),
      capacity: () => capacity(deps, accountId),
      dashboard: () => getDashboard(deps, accountId),
      'contacts page 1': () => listContactPage(deps, accountId, { limit: 50 }),
      'load more (50)': () =>
        listContactPage(deps, accountId, { limit: 50, cursor: cursors[next++ % cursors.length] }),
    },
    { warmup: 5, iterations: ITERATIONS, budgetMs: 120_000 },
  );
}

const lines = [
  '| dialect  | what            |   n | p50 ms | p95 ms | ÷ Today p50 |',
  '|----------|-----------------|----:|-------:|-------:|------------:|',
];
for (const dialect of dialects) {
  const t = dialect === 'sqlite' ? await sqliteTarget() : await postgresTarget();
  try {
    const timings = await benchOne(t);
    const today = timings.today?.p50 ?? 1;
    for (const [name, s] of Object.entries(timings))
      lines.push(
        `| ${dialect.padEnd(8)} | ${name.padEnd(15)} | ${String(s.n).padStart(3)} | ${s.p50.toFixed(1).padStart(6)} | ${s.p95.toFixed(1).padStart(6)} | ${(s.p50 / today).toFixed(2).padStart(10)}× |`,
      );
  } finally {
    await t.close();
  }
}
console.log(`${new Date().toISOString()} · load ${readFileSync('/proc/loadavg', 'utf8').trim()}\n`);
console.log(lines.join('\n'));
