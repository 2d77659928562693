import { afterEach } from 'vitest';

/*
 * Every db-project test file runs with this (vitest.config.ts setupFiles). An error nobody handled
 * (a pool 'error' event without a listener, a promise left to reject) fails the test during which
 * it happened, by name, instead of surfacing after a green run as "unhandled errors" that turn CI
 * red without saying which test caused them. test/integration/unhandled.test.ts shows it failing.
 */
const seen: unknown[] = [];
const record = (error: unknown) => {
  seen.push(error);
};
process.on('unhandledRejection', record);
process.on('uncaughtException', record);

afterEach(async () => {
  // A rejection is "unhandled" only after the microtask queue drained: give it one macrotask.
  await new Promise((resolve) => setImmediate(resolve));
  if (seen.length === 0) return;
  const errors = seen.splice(0);
  const text = errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ');
  throw new AggregateError(errors, `unhandled error(s) during this test: ${text}`);
});
