import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getToday } from '../src/services/today.service';
import { candidateQueries, loadTodayRows, rowQueries, todayCandidates } from '../src/store/today.repo';
import { baseline, compiled, todayWindow } from './baseline';
import { BENCH_NOW } from './bench-time';
import { type BenchTarget, postgresTarget, sqliteTarget } from './dialects';
import { benchSize, sqlitePath } from './generate';
import { type Timing, timeAlternating } from './measure';

/**
 * `npm run bench`: builds (or reuses) the seeded 100k-contact / 2M-interaction account, then times
 * getToday at a fixed `now` against the raw indexed SQL that reads the same rows, on SQLite and PostgreSQL.
 * BENCH_DIALECTS=sqlite skips PostgreSQL; BENCH_ITERATIONS and BENCH_SCALE shrink a run while developing.
 */
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARMUP = 20;
const BUDGET_MS = 150_000;
const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');

interface DialectResult {
  dialect: string;
  generated: BenchTarget['generated'];
  counts: Record<string, number>;
  items: number;
  timings: Record<string, Timing>;
  plans: Record<string, string[]>;
}

/** The repo's queries through Kysely, without ranking: tells query-builder cost from ranking cost. */
async function repoOnly(t: BenchTarget, accountId: string) {
  const w = todayWindow(BENCH_NOW);
  const candidates = await todayCandidates(t.store.read, accountId, w);
  return loadTodayRows(t.store.read, accountId, candidates.all, {
    ...w,
    retryIds: candidates.retry,
  });
}

async function benchOne(t: BenchTarget): Promise<DialectResult> {
  const accountId = t.generated.accountId;
  const deps = { store: t.store, clock: () => new Date(BENCH_NOW), newId: randomUUID };
  const today = () => getToday(deps, accountId, { now: BENCH_NOW });
  const raw = () => baseline(t.raw, t.store.read, accountId, BENCH_NOW);
  const prebuilt = () => baseline(t.raw, t.store.read, accountId, BENCH_NOW, true);

  // The baseline must read exactly what the service reads, or the ratio means nothing.
  const counts = await raw();
  // The prebuilt statements must read the very rows the built ones do.
  const prebuiltCounts = await prebuilt();
  for (const [k, v] of Object.entries(counts))
    if (prebuiltCounts[k] !== v)
      throw new Error(`${t.dialect}: prebuilt read ${prebuiltCounts[k]} ${k} rows, built ${v}`);
  const rows = await repoOnly(t, accountId);
  const repoCounts = {
    contacts: rows.contacts.length,
    dates: rows.dates.length,
    events: rows.events.length,
    tasks: rows.tasks.length,
    decisions: rows.decisions.length,
    recent: rows.recent.length,
  };
  for (const [k, v] of Object.entries(repoCounts)) {
    const mine = k === 'recent' ? (counts.recent ?? 0) + (counts.older ?? 0) : counts[k];
    if (mine !== v) throw new Error(`${t.dialect}: baseline read ${mine} ${k} rows, the repo ${v}`);
  }
  const first = await today();

  console.log(`${t.dialect}: timing ${ITERATIONS} iterations after ${WARMUP} warm-up…`);
  const timings = await timeAlternating(
    { getToday: today, baseline: raw },
    { warmup: WARMUP, iterations: ITERATIONS, budgetMs: BUDGET_MS },
  );
  // The prebuilt floor in a pass of its own, so the pair above alternates exactly as before it existed.
  const second = await timeAlternating(
    { getToday: today, prebuilt },
    { warmup: WARMUP, iterations: ITERATIONS, budgetMs: BUDGET_MS },
  );
  timings['getToday2'] = second.getToday!;
  timings.prebuilt = second.prebuilt!;

  const w = todayWindow(BENCH_NOW);
  const { datesOn, ...cands } = candidateQueries(t.store.read, accountId, w);
  const candidates = await todayCandidates(t.store.read, accountId, w);
  const loads = rowQueries(t.store.read, accountId, candidates.all, { ...w, retryIds: candidates.retry });
  const plans: Record<string, string[]> = {};
  for (const [name, builder] of [
    ...Object.entries({ ...cands, datesOn: datesOn(w.datePairs.slice(1, 3), w.perReason) }).map(
      ([n, q]) => [`candidates.${n}`, q] as const,
    ),
    ...Object.entries(loads).map(([n, q]) => [`rows.${n}`, q] as const),
  ]) {
    if (builder) {
      const q = compiled(builder);
      plans[name] = (await t.explain(q.sql, q.params)).map((l) =>
        l.length > 150 ? `${l.slice(0, 147)}...` : l,
      );
    }
  }
  return { dialect: t.dialect, generated: t.generated, counts, items: first.items.length, timings, plans };
}

const ms = (x: number) => x.toFixed(2).padStart(7);
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

function report(results: DialectResult[]): string {
  const size = benchSize();
  const lines = [
    `Today queue benchmark: ${size.contacts} contacts, ${size.interactions} interactions, now = ${BENCH_NOW}`,
    '',
    '| dialect  | what     |   n |     p50 |     p95 |     p99 |    mean |',
    '|----------|----------|----:|--------:|--------:|--------:|--------:|',
  ];
  for (const r of results)
    for (const [what, t] of Object.entries(r.timings))
      lines.push(
        `| ${r.dialect.padEnd(8)} | ${what.padEnd(8)} | ${String(t.n).padStart(3)} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.p99)} | ${ms(t.mean)} |`,
      );
  lines.push(
    '',
    '| dialect  | ratio p50 | ratio p95 | getToday p95 ≤ 20 ms | ratio p95 ≤ 2 | ratio p50 / p95 to prebuilt |',
    '|---|--:|--:|:-:|:-:|--:|',
  );
  for (const r of results) {
    const g = r.timings.getToday!;
    const b = r.timings.baseline!;
    const p = r.timings.prebuilt!;
    const g2 = r.timings['getToday2']!;
    lines.push(
      `| ${r.dialect} | ${(g.p50 / b.p50).toFixed(2)}× | ${(g.p95 / b.p95).toFixed(2)}× | ${g.p95 <= 20 ? 'yes' : 'no'} | ${g.p95 / b.p95 <= 2 ? 'yes' : 'no'} | ${(g2.p50 / p.p50).toFixed(2)}× / ${(g2.p95 / p.p95).toFixed(2)}× |`,
    );
  }
  lines.push(
    '',
    '| dialect | generation | rows written | database size | candidates | rows read per call | items |',
    '|---|--:|--:|--:|--:|--:|--:|',
  );
  for (const r of results) {
    const g = r.generated;
    const read = Object.entries(r.counts)
      .filter(([k]) => k !== 'candidates')
      .reduce((a, [, v]) => a + v, 0);
    lines.push(
      `| ${r.dialect} | ${g.seconds === null ? 'cached' : `${g.seconds.toFixed(1)} s`} | ${g.rows ?? '–'} | ${mib(g.bytes)} | ${r.counts.candidates} | ${read} | ${r.items} |`,
    );
  }
  for (const r of results) {
    lines.push('', `Query plans (${r.dialect}):`);
    for (const [name, plan] of Object.entries(r.plans))
      lines.push(`  ${name}`, ...plan.map((l) => `    ${l}`));
  }
  return lines.join('\n');
}

const results: DialectResult[] = [];
for (const d of dialects) {
  const started = performance.now();
  const target = d === 'postgres' ? await postgresTarget() : await sqliteTarget();
  try {
    results.push(await benchOne(target));
  } finally {
    await target.close();
  }
  console.log(`${d}: done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(report(results.slice(-1)));
}
const text = report(results);
console.log(`\n${text}`);
writeFileSync(join(dirname(sqlitePath(benchSize())), 'last-run.txt'), `${text}\n`);
