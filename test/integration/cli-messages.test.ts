import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliRun, runTend } from '../helpers/tend-cli';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/capture/${name}`, import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'tend-cli-messages-'));

/** The real `tend` binary on a local SQLite database in a temp data directory. */
const tend = (args: string[]): Promise<CliRun> => runTend(args, { TEND_DATA_DIR: dataDir });

describe('tend sources add linkedin-messages | whatsapp', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reads a messages.csv and a WhatsApp chat; an unreadable chat names its flag and leaves no source', {
    timeout: 120_000,
  }, async () => {
    expect((await tend(['contacts', 'add', '--first', 'Grace', '--last', 'Hopper'])).code).toBe(0);
    const linkedin = await tend(['sources', 'add', 'linkedin-messages', fixture('linkedin-messages.csv')]);
    expect(linkedin.code, linkedin.stderr).toBe(0);
    expect(linkedin.stdout).toContain('9 seen, 3 captured, skipped: 4 unknown, 1 crowd, 1 unreadable');
    expect(linkedin.stderr).toContain('row 11: DATE is not a date');

    const unsure = await tend([
      'sources',
      'add',
      'whatsapp',
      fixture('whatsapp-ambiguous.txt'),
      '--contact',
      'Grace Hopper',
    ]);
    expect(unsure.code).toBe(1);
    expect(unsure.stderr).toContain('give --date-order');
    const chat = await tend([
      'sources',
      'add',
      'whatsapp',
      fixture('whatsapp-ambiguous.txt'),
      '--contact',
      'Grace Hopper',
      '--date-order',
      'dmy',
      '--store-bodies',
    ]);
    expect(chat.code, chat.stderr).toBe(0);
    expect(chat.stdout).toContain('3 seen, 3 captured');
    const list = (await tend(['sources', 'list', '--json'])).stdout;
    expect(
      JSON.parse(list).items.map((s: { kind: string; storeBodies: boolean }) => [s.kind, s.storeBodies]),
    ).toEqual([
      ['linkedin_messages', false],
      ['whatsapp', true],
    ]);
  });
});
