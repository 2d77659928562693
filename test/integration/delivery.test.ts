import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type TestApp, testApp } from '../helpers/app';
import { freshStore } from '../helpers/stores';

// Delivery does not touch the database, so one dialect is enough.
describe('delivery of the web app: compression and caching', () => {
  let store: Store;
  let t: TestApp;
  const webDir = mkdtempSync(join(tmpdir(), 'tend-web-'));
  const bundle = `console.log(${JSON.stringify('tend '.repeat(20_000))});`;

  beforeAll(async () => {
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(
      join(webDir, 'index.html'),
      `<!doctype html><title>Tend</title>${'<!-- pad -->'.repeat(200)}`,
    );
    writeFileSync(join(webDir, 'assets', 'index-AbC123xy.js'), bundle);
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    store = await freshStore('sqlite');
    t = await testApp(store, { webDir });
  });
  afterAll(async () => {
    await t.app.close();
    await store.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: { accept: 'text/html,*/*', ...(encoding && { 'accept-encoding': encoding }) },
    });

  it('sends hashed assets brotli- or gzip-compressed and immutable for a year', async () => {
    const br = await get('/assets/index-AbC123xy.js', 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(bundle);
    expect(br.rawPayload.length).toBeLessThan(bundle.length / 10);

    const gz = await get('/assets/index-AbC123xy.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(bundle);

    const plain = await get('/assets/index-AbC123xy.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(bundle);
  });

  it('revalidates index.html (for / and every app route) and unhashed files', async () => {
    for (const url of ['/', '/today', '/contacts/123']) {
      const res = await get(url, 'gzip');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(res.rawPayload).toString()).toContain('<title>Tend</title>');
    }
    expect((await get('/favicon.svg')).headers['cache-control']).toBe('no-cache');
  });

  it('still answers 404 problem+json to unknown API paths and to non-page requests', async () => {
    for (const [url, accept] of [
      ['/api/v1/no-such-thing', 'text/html'],
      ['/today', 'application/json'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url, headers: { accept } });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
    }
  });

  it('compresses API responses too', async () => {
    const res = await get('/api/openapi.json', 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(res.rawPayload).toString()).openapi).toBe('3.1.0');
  });
});
