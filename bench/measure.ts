export interface Timing {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

/**
 * Times several tasks in alternation (a, b, a, b, …) so drift in the machine's load hits all alike:
 * `warmup` untimed rounds, then up to `iterations` timed ones, stopping early after `budgetMs`.
 */
export async function timeAlternating(
  tasks: Record<string, () => Promise<unknown>>,
  opts: { warmup: number; iterations: number; budgetMs: number },
): Promise<Record<string, Timing>> {
  const names = Object.keys(tasks);
  for (let i = 0; i < opts.warmup; i++) for (const n of names) await tasks[n]!();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const deadline = performance.now() + opts.budgetMs;
  for (let i = 0; i < opts.iterations && performance.now() < deadline; i++) {
    for (const n of names) {
      const t0 = performance.now();
      await tasks[n]!();
      samples[n]!.push(performance.now() - t0);
    }
  }
  return Object.fromEntries(names.map((n) => [n, summarize(samples[n]!)]));
}
