import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzOpenApi } from '../fuzz/openapi-fuzz';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { integrityProblems } from '../helpers/integrity';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

// A few dozen cases per operation in `npm test`; `npm run fuzz` sets FUZZ_RUNS for the long run.
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

describe.each(dialects)('every operation of the OpenAPI document under fuzz on %s', (dialect) => {
  let store: TestStore;
  let t: TestApp;
  let ada: Caller;

  beforeAll(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
    // The demo network gives the fuzz real contacts, interactions and dates to aim at.
    expect((await ada.call('POST', '/api/v1/demo')).statusCode).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await t.app.close();
    await store.close();
  });

  it('answers no 5xx, leaks no stack trace or SQL, and leaves the database intact', {
    timeout: 3_600_000,
  }, async () => {
    const contacts = (await ada.call('GET', '/api/v1/contacts?limit=50')).json<{ items: { id: string }[] }>();
    const tokens = (await ada.call('GET', '/api/v1/tokens')).json<{ items: { id: string }[] }>();
    const report = await fuzzOpenApi(t.app, ada.token, {
      runs: RUNS,
      seed: SEED,
      seedIds: contacts.items.map((c) => c.id),
      // Revoking its own token would turn the rest of the run into 401s.
      protectedIds: tokens.items.map((tk) => tk.id),
    });
    if (process.env.FUZZ_REPORT) {
      writeFileSync(
        `${process.env.FUZZ_REPORT}.${dialect}.json`,
        JSON.stringify({ dialect, ...report }, null, 2),
      );
    }
    expect(report.requests).toBe(report.operations * RUNS);
    expect(report.operations).toBeGreaterThan(100);
    expect(report.failures.slice(0, 10)).toEqual([]);
    // Most requests got past validation somewhere: the fuzz is not only exercising the 400 path.
    const ok = Object.entries(report.byStatus)
      .filter(([s]) => Number(s) < 300)
      .reduce((n, [, c]) => n + c, 0);
    expect(ok / report.requests).toBeGreaterThan(0.15);
    expect(await integrityProblems(store)).toEqual([]);
  });
});
