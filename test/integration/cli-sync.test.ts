import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card } from '../helpers/dav-client';
import { type Radicale, startRadicale } from '../helpers/radicale';

const dataDir = mkdtempSync(join(tmpdir(), 'tend-cli-sync-'));

/** The real `tend` binary on a local SQLite database in a temp data directory. */
function tend(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = { ...process.env };
  for (const k of ['DATABASE_URL', 'TEND_SERVER', 'TEND_TOKEN', 'TEND_SECRET']) delete clean[k];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/tend.js', ...args],
      { env: { ...clean, COLUMNS: '200', TZ: 'UTC', TEND_DATA_DIR: dataDir, ...env }, timeout: 90_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

describe('tend sync carddav', () => {
  let radicale: Radicale;
  beforeAll(async () => {
    radicale = await startRadicale();
  });
  afterAll(async () => {
    await radicale?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('subscribes with the password from the environment, syncs, lists and unsubscribes', {
    timeout: 120_000,
  }, async () => {
    const book = await radicale.newBook('cli');
    await book.put('g.vcf', card('g', ['N:Hopper;Grace;;;', 'FN:Grace Hopper']));
    const added = await tend(['sync', 'carddav', 'add', book.url, '--user', radicale.user, '--json'], {
      TEND_CARDDAV_PASSWORD: radicale.password,
    });
    expect(added.code, added.stderr).toBe(0);
    const id = JSON.parse(added.stdout).id as string;
    const run = await tend(['sync', 'carddav', 'run', id]);
    expect(run.stdout).toContain('1 pulled, 0 pushed, 0 deleted, 0 waiting for a choice');
    expect((await tend(['sync', 'carddav', 'list'])).stdout).toMatch(/cli\s+\S+.*\s1\s+0\s+0/);
    expect((await tend(['sync', 'carddav', 'rm', id])).stdout).toContain(`Unsubscribed ${id}.`);
  });
});
