import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/dovecot';

/** The real server process, as `npm start` runs it (the esbuild bundle, plain node), on a fresh data directory. */
async function startServer(bundle: string, dataDir: string) {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    TEND_DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--enable-source-maps', bundle], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return { child, url, exited, output: () => output };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not become ready:\n${output}`);
}

describe('the built server, stopped with SIGTERM', () => {
  let buildDir: string;
  let bundle: string;
  let dataDir: string;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    // Inside the repository, so the bundle's external packages resolve from node_modules/.
    mkdirSync('.tend-tmp', { recursive: true });
    buildDir = mkdtempSync(join('.tend-tmp', 'server-'));
    // The same script `npm run build` and `npm start` run.
    execFileSync(process.execPath, ['scripts/build-server.mjs', buildDir]);
    bundle = join(buildDir, 'main.mjs');
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
    const server = await startServer(bundle, dataDir);
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
