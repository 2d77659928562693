import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Token } from '../../src/contract/auth';
import type { Contact, ContactPage } from '../../src/contract/contacts';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { freePort } from '../helpers/free-port';
import { freshStore } from '../helpers/stores';
import { type CliRun, runTend } from '../helpers/tend-cli';

const tend = (args: string[], env: Record<string, string>, input?: string): Promise<CliRun> =>
  runTend(args, { COLUMNS: '120', ...env }, input);

// Each run starts Node, tsx and the app (~0.5-1 s, far more on a loaded machine): generous timeouts.
const SLOW = 180_000;

// SQLite local mode only: the CLI opens $TEND_DATA_DIR/tend.db exactly as the server would.
describe('tend on the local database', { timeout: SLOW }, () => {
  let dir: string;
  const run = (...args: string[]) => tend(args, { TEND_DATA_DIR: dir });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tend-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds, lists, shows, logs, searches, edits and removes a contact', async () => {
    const added = await run(
      'contacts',
      'add',
      '--first',
      'Grace',
      '--last',
      'Hopper',
      '--email',
      'grace@navy.mil',
      '--email',
      'grace@home.example',
      '--company',
      'Navy',
      '--circle',
      'mentors',
      '--tag',
      'cobol',
      '--tz',
      'America/New_York',
      '--met-on',
      '1980-01-02',
      '--json',
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const grace = JSON.parse(added.stdout) as Contact;
    expect(grace).toMatchObject({
      displayName: 'Grace Hopper',
      emails: [{ value: 'grace@navy.mil' }, { value: 'grace@home.example' }],
      tags: ['cobol'],
      metOn: '1980-01-02',
    });
    expect(grace.circleId).toBeTruthy(); // "mentors" resolved by name to the default Mentors circle

    const ada = await run(
      'contacts',
      'add',
      '--first',
      'Ada',
      '--last',
      'Lovelace',
      '--company',
      'Analytical',
    );
    expect(ada).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Added Ada Lovelace \(/) });

    const table = await run('contacts', 'list');
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+COMPANY\s+TITLE\s+CIRCLE\s+LAST CONTACT\s+NEXT DUE\s+HEALTH$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/)[0])).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(lines[2]).toMatch(/Grace Hopper\s+Navy\s+Mentors\s+-\s+\d{4}-\d{2}-\d{2}\s+no history$/);

    const logged = await run(
      'log',
      'grace hopper',
      '--channel',
      'email',
      '--direction',
      'out',
      '--summary',
      'Sent the COBOL paper',
      '--topic',
      'cobol',
      '--at',
      '2026-03-01T10:00',
      '--awaiting-reply',
    );
    expect(logged.stderr).toBe('');
    expect(logged.stdout).toContain(
      'Logged email to Grace Hopper on 2026-03-01: Sent the COBOL paper [cobol] (awaiting reply)',
    );

    const shown = await run('contacts', 'show', grace.id);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/E-mail:\s+grace@navy\.mil, grace@home\.example/);
    expect(shown.stdout).toMatch(/Circle:\s+Mentors/);
    expect(shown.stdout).toMatch(/Last contact:\s+2026-03-01/);
    expect(shown.stdout).toContain('2026-03-01  → email  Sent the COBOL paper [cobol] (awaiting reply)');

    const found = await run('search', 'navy', '--json');
    expect((JSON.parse(found.stdout) as ContactPage).items.map((c) => c.id)).toEqual([grace.id]);

    const edited = await run('contacts', 'edit', grace.id, '--title', 'Commodore', '--company', '', '--json');
    expect(edited.code).toBe(0);
    expect(JSON.parse(edited.stdout)).toMatchObject({ title: 'Commodore', company: null, tags: ['cobol'] });

    const removed = await run('contacts', 'rm', grace.id);
    expect(removed).toMatchObject({ code: 0, stdout: `Deleted Grace Hopper (${grace.id})\n` });
    const gone = await run('contacts', 'show', grace.id);
    expect(gone).toMatchObject({ code: 1, stdout: '', stderr: 'tend: contact not found\n' });
    // Every run closed the database: SQLite folds and removes its write-ahead log on a clean close.
    expect(existsSync(join(dir, 'tend.db-wal'))).toBe(false);
  });

  it('explains errors in one line: API errors exit 1, usage errors exit 2, and a failed add writes nothing', async () => {
    const invalid = await run('contacts', 'add', '--first', 'Bad', '--email', 'not-an-email');
    expect(invalid).toMatchObject({ code: 1, stdout: '' });
    expect(invalid.stderr).toBe('tend: emails.0.value: must be a valid e-mail address\n');

    const unknownOption = await run('contacts', 'list', '--colour');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("unknown option '--colour'");

    await run('contacts', 'add', '--first', 'Sam', '--last', 'Doe');
    await run('contacts', 'add', '--first', 'Sam', '--last', 'Roe');
    const ambiguous = await run('log', 'Sam', '--channel', 'call', '--direction', 'in');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(
      /^tend: 'Sam' matches 2 contacts; use an id: Sam Doe \(.+\), Sam Roe \(.+\)\n$/,
    );

    const all = JSON.parse(
      (await run('contacts', 'list', '--all', '--limit', '1', '--json')).stdout,
    ) as ContactPage;
    expect(all.items.map((c) => c.displayName)).toEqual(['Ada Lovelace', 'Sam Doe', 'Sam Roe']);
    expect(all.nextCursor).toBeNull();
    // Nothing else in the output: no stack traces for expected errors.
    for (const r of [invalid, unknownOption, ambiguous]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('tend admin reset-password', { timeout: SLOW }, () => {
  let dir: string;
  const run = (args: string[], input?: string) => tend(args, { TEND_DATA_DIR: dir }, input);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tend-cli-admin-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a strong password, takes one from stdin after checking it, and refuses --server', async () => {
    const generated = await run(['admin', 'reset-password', 'owner@localhost']);
    expect(generated.code, generated.stderr).toBe(0);
    expect(generated.stdout.trim()).toMatch(/^[\w-]{20}$/);
    expect(generated.stderr).toMatch(/reset; 0 session\(s\) signed out/);
    const weak = await run(
      ['admin', 'reset-password', 'owner@localhost', '--password-stdin'],
      'password12\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/password: is too weak: this is a commonly used password/);
    const piped = await run(
      ['admin', 'reset-password', 'owner@localhost', '--password-stdin', '--json'],
      'kettle marble ostrich\n',
    );
    expect(piped.code, piped.stderr).toBe(0);
    expect(JSON.parse(piped.stdout)).toEqual({
      email: 'owner@localhost',
      generatedPassword: null,
      signedOutSessions: 0,
    });
    const remote = await run([
      '--server',
      'http://127.0.0.1:9',
      '--token',
      't',
      'admin',
      'reset-password',
      'a@b.c',
    ]);
    expect(remote.code).toBe(1);
    expect(remote.stderr).toMatch(/local database only/);
  });
});

describe('tend demo', { timeout: SLOW }, () => {
  let dir: string;
  const run = (...args: string[]) => tend(args, { TEND_DATA_DIR: dir });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tend-cli-demo-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('saves, lists and removes a segment by name', async () => {
    const added = await run('segments', 'add', 'Coffee people', '--tag', 'coffee', '--cadence', 'monthly');
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^Saved segment Coffee people \(\S+\)\n$/);
    const bad = await run('segments', 'add', 'Weekly', '--cadence', 'weekly');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--cadence.*must be one of monthly/);
    const list = await run('segments', 'list');
    expect(list.stdout).toMatch(/^Coffee people\ttag coffee, cadence monthly\t\S+\n$/);
    const removed = await run('segments', 'rm', 'coffee PEOPLE');
    expect(removed.stdout).toBe('Deleted segment Coffee people\n');
    expect((await run('segments', 'list')).stdout).toMatch(/^No segments yet/);
    const missing = await run('segments', 'rm', 'Nobody');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no segment named 'Nobody'/);
  });

  it('seeds an empty account once, then refuses, and --all --json carries every contact through a pipe', async () => {
    const seeded = await run('demo');
    expect(seeded.stderr).toBe('');
    expect(seeded.stdout).toMatch(/^Added 300 demo contacts with \d+ interactions/);

    const again = await run('demo');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^tend: .*already has contacts.*\n$/);

    // ~360 KB of JSON: more than a pipe buffer, so an early exit would cut it.
    const all = await run('contacts', 'list', '--all', '--json');
    const page = JSON.parse(all.stdout) as ContactPage;
    expect(page.items).toHaveLength(300);
    expect(new Set(page.items.map((c) => c.id)).size).toBe(300);
  });
});

describe('tend --server against a running server (PostgreSQL)', { timeout: SLOW }, () => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;
  let url: string;
  let dir: string;

  beforeAll(async () => {
    store = await freshStore('postgres');
    t = await testApp(store);
    ada = await signUp(t.app);
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    dir = mkdtempSync(join(tmpdir(), 'tend-cli-remote-'));
  });
  afterAll(async () => {
    await t.app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds and lists through the REST API with a token, never touching a local database', async () => {
    const env = { TEND_DATA_DIR: dir };
    const added = await tend(
      [
        '--server',
        url,
        '--token',
        ada.token,
        'contacts',
        'add',
        '--first',
        'Lin',
        '--circle',
        'Peers',
        '--json',
      ],
      env,
    );
    expect(added.stderr).toBe('');
    const lin = JSON.parse(added.stdout) as Contact;
    // The server stored it for Ada's account.
    expect((await ada.call('GET', `/api/v1/contacts/${lin.id}`)).json()).toMatchObject({ firstName: 'Lin' });

    const listed = await tend(['contacts', 'list'], { ...env, TEND_SERVER: url, TEND_TOKEN: ada.token });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^Lin\s+Peers\s+-\s+\d{4}-\d{2}-\d{2}\s+no history$/m);
    expect(existsSync(join(dir, 'tend.db'))).toBe(false);
  });

  it('creates, lists and revokes a token; the revoked token stops working', async () => {
    const remote = (...args: string[]) => tend(['--server', url, '--token', ada.token, ...args], {});
    const created = await remote('token', 'create', 'laptop', '--scope', 'read', '--expires', '30d');
    expect(created.code).toBe(0);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^tend_\S+$/);
    expect(created.stderr).toContain('not shown again');

    const list = JSON.parse((await remote('token', 'list', '--json')).stdout) as { items: Token[] };
    const laptop = list.items.find((t) => t.name === 'laptop')!;
    expect(laptop.prefix).toBe(secret.slice(0, 12));
    expect(laptop.scopes).toEqual(['read']);
    expect(laptop.expiresAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(secret);
    const readOnly = (...args: string[]) => tend(['--server', url, '--token', secret, ...args], {});
    expect((await readOnly('contacts', 'list')).code).toBe(0);
    expect((await readOnly('contacts', 'add', '--first', 'Nope')).stderr).toContain("'write' scope");

    expect((await remote('token', 'revoke', laptop.id)).stdout).toBe(`Revoked token ${laptop.id}\n`);
    const revoked = await tend(['--server', url, '--token', secret, 'contacts', 'list'], {});
    expect(revoked).toMatchObject({
      code: 1,
      stderr: 'tend: the API token is unknown, revoked or expired\n',
    });
  });

  it('streams an import to the server (dry run, then for real) and downloads the CSV export', async () => {
    const remote = (...args: string[]) => tend(['--server', url, '--token', ada.token, ...args], {});
    const file = 'test/fixtures/imports/linkedin-connections.csv';
    const dry = await remote('import', file, '--dry-run');
    expect(dry.stdout).toContain('6 new, 0 duplicates, 0 to merge, 1 error, 1 row with a field skipped');
    expect((await ada.call('GET', '/api/v1/contacts?q=Lovelace')).json().items).toEqual([]);
    const real = await remote('import', file);
    expect(real.stdout).toContain('Imported: 6 created');
    expect((await ada.call('GET', '/api/v1/contacts?q=Lovelace')).json().items).toHaveLength(1);
    const csv = await remote('export', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout).toMatch(/^\uFEFF?Name,/);
    expect(csv.stdout).toContain('Ada Lovelace,Ada,Lovelace,ada@example.com');
  });

  it('reports an unreachable server in one line with exit code 1', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const offline = await tend(['--server', closed, '--token', ada.token, 'contacts', 'list'], {});
    expect(offline).toMatchObject({ code: 1, stderr: `tend: cannot reach ${closed} (ECONNREFUSED)\n` });
  });
});
