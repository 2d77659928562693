import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildServerBundle, startServerProcess } from '../helpers/server-process';

describe('the built server, stopped with SIGTERM', () => {
  let buildDir: string;
  let bundle: string;
  let dataDir: string;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    ({ bundle, dir: buildDir } = buildServerBundle());
  });
  afterAll(() => rmSync(buildDir, { recursive: true, force: true }));
  afterEach(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts without tsx, finishes the request in flight, exits 0 and leaves a clean database', {
    timeout: 60_000,
  }, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tend-stop-'));
    const server = await startServerProcess(bundle, { TEND_DATA_DIR: dataDir });
    child = server.child;
    // Sign-up hashes a password with argon2id: long enough to be in flight when the signal lands.
    const signingUp = fetch(`${server.url}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'ada@example.com',
        name: 'Ada',
        password: 'correct horse battery',
        timeZone: 'Europe/London',
      }),
    });
    await new Promise((r) => setTimeout(r, 30));
    server.child.kill('SIGTERM');
    const res = await signingUp;
    expect(res.status).toBe(201);
    expect(await server.exited, server.output()).toBe(0);
    expect(server.output()).toContain('SIGTERM: finishing the requests in flight');
    expect(server.output()).toContain('"msg":"stopped"');

    // The write that was in flight is there, and the WAL was folded back when the store closed.
    const db = new Database(join(dataDir, 'tend.db'), { readonly: true });
    try {
      expect(db.prepare('select count(*) as n from accounts').get()).toEqual({ n: 1 });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
