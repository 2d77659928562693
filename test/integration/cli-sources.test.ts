import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliRun, runTend } from '../helpers/tend-cli';

const fixture = fileURLToPath(new URL('../fixtures/capture/takeout.mbox', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'tend-cli-sources-'));

/** The real `tend` binary on a local SQLite database in a temp data directory. */
const tend = (args: string[], env: Record<string, string> = {}, input = ''): Promise<CliRun> =>
  runTend(args, { TEND_DATA_DIR: dataDir, ...env }, input);

describe('tend sources', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('adds an mbox source, reads a file into it twice, lists it and removes it with what it captured', {
    timeout: 120_000,
  }, async () => {
    const added = await tend([
      'sources',
      'add',
      'mbox',
      'Takeout',
      '--own',
      'ada.lovelace@gmail.com',
      '--json',
    ]);
    expect(added.code, added.stderr).toBe(0);
    const id = JSON.parse(added.stdout).id as string;
    expect((await tend(['contacts', 'add', '--first', 'Grace', '--email', 'grace@navy.example'])).code).toBe(
      0,
    );
    const first = await tend(['sources', 'sync', id, fixture]);
    expect(first.stdout).toContain('4 seen, 2 captured, skipped: 1 bulk, 1 unreadable');
    expect(first.stderr).toContain('message 4: Date is not a date');
    expect((await tend(['sources', 'sync', id, fixture])).stdout).toContain(
      '4 seen, 0 captured, skipped: 2 duplicate, 1 bulk, 1 unreadable',
    );
    const list = await tend(['sources', 'list']);
    expect(list.stdout).toMatch(/mbox\s+Takeout\s+\S+.*\s8\s+2\s+4/);
    const rm = await tend(['sources', 'rm', id, '--with-captured']);
    expect(rm.stdout).toContain('and what it captured');
    expect((await tend(['sources', 'list'])).stdout).toContain('No sources');
  });

  it('seals an IMAP password with a 0600 key file and never prints it', { timeout: 120_000 }, async () => {
    const added = await tend(
      ['sources', 'add', 'imap', 'Work', '--host', '127.0.0.1', '--port', '1', '--user', 'ada', '--json'],
      { TEND_IMAP_PASSWORD: 'hunter2-app-password' },
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).not.toContain('hunter2');
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    const sync = await tend(['sources', 'sync', JSON.parse(added.stdout).id]);
    expect(sync.code).toBe(1);
    expect(sync.stderr).toContain('could not connect to 127.0.0.1:1: the connection was refused');
    expect((await tend(['sources', 'list', '--json'])).stdout).not.toContain('hunter2');
  });
});
