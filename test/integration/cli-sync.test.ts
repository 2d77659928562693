import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card } from '../helpers/dav-client';
import { type Radicale, startRadicale } from '../helpers/radicale';
import { type CliRun, runTend } from '../helpers/tend-cli';

const dataDir = mkdtempSync(join(tmpdir(), 'tend-cli-sync-'));

/** The real `tend` binary on a local SQLite database in a temp data directory. */
const tend = (args: string[], env: Record<string, string> = {}, input = ''): Promise<CliRun> =>
  runTend(args, { TEND_DATA_DIR: dataDir, ...env }, input);

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
