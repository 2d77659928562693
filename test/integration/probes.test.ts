import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/ids';
import { buildApp } from '../../src/server/app';
import { fixedClock } from '../helpers/app';
import { failingWhen } from '../helpers/failing-store';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

const deps = (store: TestStore) => ({ store, clock: fixedClock(), newId, secretKey: Buffer.alloc(32, 7) });

describe.each(dialects)('liveness and readiness probes on %s', (dialect) => {
  let store: TestStore;
  afterEach(async () => {
    await store.close();
  });

  it('says live and ready without a session, never cached, and not ready while draining', async () => {
    store = await freshStore(dialect);
    const lifecycle = { draining: false };
    const app = await buildApp(deps(store), { lifecycle });
    try {
      const live = await app.inject({ method: 'GET', url: '/healthz' });
      expect(live.statusCode).toBe(200);
      expect(live.json()).toEqual({ status: 'ok' });
      expect(live.headers['cache-control']).toBe('no-store');
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready' });
      expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ ok: true });

      lifecycle.draining = true;
      const stopping = await app.inject({ method: 'GET', url: '/readyz' });
      expect(stopping.statusCode).toBe(503);
      expect(stopping.headers['content-type']).toContain('application/problem+json');
      expect(stopping.json().detail).toBe('the server is shutting down');
      // Still live: a process manager must not kill it while it finishes its requests.
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('is not ready, and says why, when the database does not answer', async () => {
    store = await freshStore(dialect);
    const broken = failingWhen(store, (node) => node.kind === 'RawNode');
    const app = await buildApp(deps(broken));
    try {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json().detail).toBe('the database does not answer: injected failure');
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('the request log', () => {
  it('keeps the calendar feed token and secret query values out, and never logs headers', async () => {
    const store = await freshStore('sqlite');
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp(deps(store), { logger: true, logStream });
    try {
      await app.inject({ method: 'GET', url: '/feed/s3cr3t-feed-token.ics' });
      await app.inject({
        method: 'GET',
        url: '/api/v1/contacts?q=ada&token=abc123&password=hunter2',
        headers: { authorization: 'Bearer tend_live_secret', cookie: 'tend_session=sess-secret' },
      });
      const log = lines.join('');
      expect(log).toContain('/feed/[redacted].ics');
      expect(log).toContain('/api/v1/contacts?q=ada&token=[redacted]&password=[redacted]');
      for (const secret of ['s3cr3t-feed-token', 'abc123', 'hunter2', 'tend_live_secret', 'sess-secret'])
        expect(log).not.toContain(secret);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
