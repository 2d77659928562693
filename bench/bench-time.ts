/** The fixed `now` of the benchmark (the instant the integration tests' clock uses too). */
export const BENCH_NOW = '2026-03-10T09:00:00.000Z';
export const NOW = Date.parse(BENCH_NOW);
export const DAY = 86_400_000;
export const iso = (ms: number) => new Date(ms).toISOString();
