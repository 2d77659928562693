import { afterEach } from 'vitest';

/*
 * Every db-project test file runs with this (vitest.config.ts setupFiles). An error nobody handled
 * (a pool 'error' event without a listener, a promise left to reject) fails the test during which
 * it happened, by name, instead of surfacing after a green run as "unhandled errors" that turn CI
 * red without saying which test caused them. test/integration/unhandled.test.ts shows it failing.
 */
// The db project does not isolate files (vitest.config.ts): this runs once per file in the same
// process, so the listeners and what they saw live on the process, added once.
declare global {
  var tendUnhandledSeen: unknown[] | undefined;
}
const seen: unknown[] = globalThis.tendUnhandledSeen ?? [];
if (!globalThis.tendUnhandledSeen) {
  globalThis.tendUnhandledSeen = seen;
  process.on('unhandledRejection', (error) => seen.push(error));
  process.on('uncaughtException', (error) => seen.push(error));
}

afterEach(async () => {
  // A rejection is "unhandled" only after the microtask queue drained: give it one macrotask.
  await new Promise((resolve) => setImmediate(resolve));
  if (seen.length === 0) return;
  const errors = seen.splice(0);
  const text = errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ');
  throw new AggregateError(errors, `unhandled error(s) during this test: ${text}`);
});
