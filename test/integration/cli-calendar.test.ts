import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IcsServer, startIcsServer } from '../helpers/ics-server';
import { type CliRun, runTend } from '../helpers/tend-cli';

const fixture = fileURLToPath(new URL('../fixtures/capture/calendar.ics', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'tend-cli-calendar-'));

/** The real `tend` binary on a local SQLite database in a temp data directory. */
const tend = (args: string[], env: Record<string, string> = {}, input = ''): Promise<CliRun> =>
  runTend(args, { TEND_DATA_DIR: dataDir, ...env }, input);

describe('tend sources add calendar', () => {
  let server: IcsServer;
  beforeAll(async () => {
    server = await startIcsServer({ user: 'ada', password: 'cal-pass' });
    server.serve('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads an .ics file, and says why a subscribed address with a password from stdin failed', {
    timeout: 120_000,
  }, async () => {
    expect((await tend(['contacts', 'add', '--first', 'Grace', '--email', 'grace@navy.example'])).code).toBe(
      0,
    );
    const file = await tend(['sources', 'add', 'calendar', '--file', fixture, '--months', '240']);
    expect(file.code, file.stderr).toBe(0);
    expect(file.stdout).toMatch(/Added calendar 'calendar.ics' \(.+\): 5 seen, 4 captured, 1 unreadable/);
    expect(file.stderr).toContain('event 3 (line 29)');

    const url = `${server.url}/calendar.ics`;
    const wrong = await tend(
      ['sources', 'add', 'calendar', '--url', url, '--user', 'ada', '--password-stdin'],
      {},
      'nope\n',
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(
      'but reading it failed: authentication failed: the server says 401 Unauthorized',
    );
    const list = await tend(['sources', 'list', '--json']);
    expect(list.stdout).not.toContain('cal-pass');
    expect(list.stdout).not.toContain('/calendar.ics');
  });
});
