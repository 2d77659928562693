import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

const MB = 1024 * 1024;

/** Restore bodies that once exhausted the heap are refused within a second, the heap barely moving. */
describe.each(dialects)('restore bodies are bounded on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;

  beforeAll(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
  });
  afterAll(async () => {
    await t.app.close();
    await store.close();
  });

  /** What any server must spend on this body (JSON.parse), measured now: the machine may be busy. */
  function parseMs(payload: string): number {
    const started = performance.now();
    JSON.parse(payload);
    return performance.now() - started;
  }
  // "Within a second" on an idle machine; under load, within a few bare parses of the same body.
  const budget = (payload: string) => Math.max(1000, 6 * parseMs(payload));

  async function restore(payload: string) {
    global.gc?.();
    const before = process.memoryUsage();
    const started = performance.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/import/backup',
      headers: { authorization: `Bearer ${ada.token}`, 'content-type': 'application/json' },
      payload,
    });
    const ms = performance.now() - started;
    const after = process.memoryUsage();
    return { res, ms, heapGrowth: after.heapUsed - before.heapUsed, rssGrowth: after.rss - before.rss };
  }

  it('refuses 300,000 empty contacts at the first row, within a second', async () => {
    const body = `{"schemaVersion":1,"contacts":[${Array.from({ length: 300_000 }, () => '{}').join(',')}]}`;
    const { res, ms, heapGrowth, rssGrowth } = await restore(body);
    console.log(
      `300,000 empty objects: ${res.statusCode} in ${ms.toFixed(0)} ms, heap +${(heapGrowth / MB).toFixed(1)} MB, rss +${(rssGrowth / MB).toFixed(0)} MB`,
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].field).toBe('exportedAt');
    expect(ms).toBeLessThan(budget(body));
    // The fix was 4.5 GB → tens of MB: the parsed body itself (300,000 objects) and one row's issues.
    expect(heapGrowth).toBeLessThan(100 * MB);
    // Growth, not the total: this worker has run other files before (isolate: false).
    expect(rssGrowth).toBeLessThan(300 * MB);
  });

  it('stops at the first bad row of a well-formed head, naming its path', async () => {
    const head =
      '"schemaVersion":1,"exportedAt":"2026-03-01T00:00:00Z","settings":{"time_zone":"UTC","daily_size":5,"weekly_budget":20},"circles":[],"tags":[]';
    const many = `{${head},"contacts":[${Array.from({ length: 300_000 }, () => '{}').join(',')}]}`;
    const capped = await restore(many);
    expect(capped.res.json().errors[0]).toMatchObject({
      field: 'contacts',
      message: expect.stringContaining('at most'),
    });
    expect(capped.ms).toBeLessThan(budget(many));
    const body = `{${head},"contacts":[${Array.from({ length: 90_000 }, () => '{}').join(',')}]}`;
    const { res, ms } = await restore(body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].field).toMatch(/^contacts\.0\./);
    expect(res.json().detail).not.toContain('more problems');
    expect(ms).toBeLessThan(budget(body));
  });

  it('refuses a body of millions of objects before parsing it', async () => {
    const body = `{"contacts":[${Array.from({ length: 3_100_000 }, () => '{}').join(',')}]}`;
    const { res, ms, heapGrowth } = await restore(body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().detail).toContain('objects');
    expect(ms).toBeLessThan(2 * budget(body));
    expect(heapGrowth).toBeLessThan(100 * MB);
  });

  it('refuses more rows than a section may hold without looking at them', async () => {
    const body = `{"schemaVersion":1,"tags":[${Array.from({ length: 2_000_001 }, () => '1').join(',')}]}`;
    const { res } = await restore(body);
    expect(res.statusCode, res.body).toBe(400);
    // exportedAt comes first in the document order; the row cap is checked as its section is reached.
    expect(['exportedAt', 'tags']).toContain(res.json().errors[0].field);
  });
});
