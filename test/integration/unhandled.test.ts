import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/** Runs test/fixtures/unhandled/leaks.fixture.ts in a child vitest; NO_SETUP leaves our setup out. */
async function runFixture(withSetup: boolean): Promise<{ code: number; out: string }> {
  const env = { ...process.env, NO_COLOR: '1', ...(withSetup ? {} : { NO_SETUP: '1' }) };
  return promisify(execFile)(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/fixtures/unhandled/vitest.config.ts'],
    { env, timeout: 60_000 },
  ).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}

/*
 * test/setup/no-unhandled.ts fails the test during which an error went unhandled. Without it,
 * vitest counts that test as passed and only reports "Errors 1" after a green list, which is how
 * CI went red on a green suite without saying which test caused it.
 */
describe('the db project', () => {
  it('fails by name the one test that leaves a rejection unhandled', async () => {
    const run = await runFixture(true);
    expect(run.code).toBe(1);
    expect(run.out).toContain('× leaves a rejection unhandled');
    expect(run.out).toContain('✓ passes a test whose rejections are all handled');
    expect(run.out).toMatch(/Tests\s+1 failed \| 1 passed \(2\)/);
  }, 90_000);

  it('would otherwise count that test as passed', async () => {
    const run = await runFixture(false);
    expect(run.out).toMatch(/Tests\s+2 passed \(2\)/);
    expect(run.out).toMatch(/Errors\s+1 error/);
  }, 90_000);
});
