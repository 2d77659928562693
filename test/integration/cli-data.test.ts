import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactPage } from '../../src/contract/contacts';
import type { ImportRun } from '../../src/contract/imports';
import type { Today } from '../../src/contract/today';
import { type CliRun, runTend } from '../helpers/tend-cli';

const tend = (dataDir: string, ...args: string[]): Promise<CliRun> =>
  runTend(args, { COLUMNS: '160', TEND_DATA_DIR: dataDir });

const SLOW = 300_000;
const FIXTURES = 'test/fixtures/imports';
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tend-cli-data-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('tend today on a demo network', { timeout: SLOW }, () => {
  let dir: string;
  const run = (...args: string[]) => tend(dir, ...args);
  const ids = (t: Today) => [...t.items, ...t.more].map((i) => i.contactId);
  beforeAll(async () => {
    dir = join(root, 'today');
    expect((await run('demo')).code).toBe(0);
  });

  it('shows the queue with its reasons in words, as JSON too, and --now changes it', async () => {
    const table = await run('today');
    expect(table.stderr).toBe('');
    const lines = table.stdout.split('\n');
    expect(lines[0]).toMatch(/^#\s+NAME\s+COMPANY\s+CHANNEL\s+SEND WINDOW\s+WHY$/);
    expect(lines[1]).toMatch(/^1\s+\S/);
    expect(table.stdout).toMatch(/Overdue by \d+ days? for your [a-z -]+catch-up/);
    expect(table.stdout).toMatch(/\n\nand \d+ more\n$/);

    const today = JSON.parse((await run('today', '--json')).stdout) as Today;
    expect(today.items.length).toBeGreaterThan(0);
    expect(table.stdout).toContain(today.items[0]!.name);
    expect(today.items[0]!.reasons[0]!.text).toBeTruthy();

    const inAYear = DateTime.now().plus({ years: 1 }).toISODate()!;
    const later = JSON.parse((await run('today', '--now', inAYear, '--size', '3', '--json')).stdout) as Today;
    expect(later.now.slice(0, 10)).toBe(inAYear);
    expect(later.items).toHaveLength(3);
    // A year on, whoever is most overdue today is a year more overdue.
    const mostOverdue = (q: Today) =>
      Math.max(
        0,
        ...[...q.items, ...q.more].flatMap((i) =>
          i.reasons.flatMap((r) => (r.kind === 'cadence_overdue' ? [r.daysOverdue] : [])),
        ),
      );
    expect(mostOverdue(today)).toBeGreaterThan(0);
    expect(mostOverdue(later)).toBeGreaterThanOrEqual(mostOverdue(today) + 300);
  });

  it('done (with a logged interaction), snooze and skip take people out of the queue', async () => {
    const before = JSON.parse((await run('today', '--json')).stdout) as Today;
    const [a, b, c] = before.items;
    const done = await run('done', a!.contactId, '--channel', 'call', '--summary', 'Caught up on the move');
    expect(done.stderr).toBe('');
    expect(done.stdout).toMatch(new RegExp(`^Done with ${a!.name}.*\\(logged the interaction`));
    const until = DateTime.now().plus({ days: 30 }).toISODate()!;
    const snoozed = await run('snooze', b!.contactId, '--until', until);
    expect(snoozed.stdout).toBe(`Snoozed ${b!.name} until ${until}\n`);
    expect((await run('skip', c!.contactId)).stdout).toMatch(new RegExp(`^Skipped ${c!.name}`));

    const after = JSON.parse((await run('today', '--json')).stdout) as Today;
    for (const item of [a, b, c]) expect(ids(after)).not.toContain(item!.contactId);
    const shown = await run('contacts', 'show', a!.contactId);
    expect(shown.stdout).toContain('→ call  Caught up on the move');

    const usage = await run('done', a!.contactId, '--summary', 'no channel');
    expect(usage).toMatchObject({ code: 2, stdout: '' });
    expect(usage.stderr).toContain('--log and --summary need --channel');
  });
});

describe('tend import', { timeout: SLOW }, () => {
  let dir: string;
  const run = (...args: string[]) => tend(dir, ...args);
  const count = async () =>
    (JSON.parse((await run('contacts', 'list', '--json')).stdout) as ContactPage).items;
  beforeAll(() => {
    dir = join(root, 'import');
  });

  it('previews with --dry-run and writes nothing, then imports for real', async () => {
    const errors = join(root, 'errors.csv');
    const dry = await run(
      'import',
      `${FIXTURES}/linkedin-connections.csv`,
      '--dry-run',
      '--errors-csv',
      errors,
    );
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      'LinkedIn Connections CSV, 7 rows: 6 new, 0 duplicates, 0 to merge, 1 error, 1 row with a field skipped',
    );
    // An impossible Connected On (31/02/2024) skips that field only; a row without a first name is an error.
    expect(dry.stdout).toContain('row 9: the first name is empty (NoFirst)');
    expect(dry.stdout).toContain('Dry run: nothing was imported.');
    // Not a terminal: progress is plain percentage lines on stderr.
    expect(dry.stderr).toBe('Uploading linkedin-connections.csv: 100%\n');
    expect(readFileSync(errors, 'utf8')).toMatch(/^\uFEFF?Line,Error,Name\r?\n9,/);
    expect(await count()).toEqual([]);

    const real = await run('import', `${FIXTURES}/linkedin-connections.csv`, '--json');
    const run1 = JSON.parse(real.stdout) as ImportRun;
    expect(run1).toMatchObject({ status: 'committed', result: { created: 6, merged: 0 } });
    const names = (await count()).map((c) => c.displayName);
    expect(names).toEqual(
      expect.arrayContaining(['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Zoë Çelik']),
    );
    expect(names).toHaveLength(6);

    // The same file again: every row is a duplicate, skipped by default.
    const again = await run('import', `${FIXTURES}/linkedin-connections.csv`);
    expect(again.stdout).toContain('Imported: 0 created, 0 merged, 6 skipped');
    expect(await count()).toHaveLength(6);
  });

  it('imports any spreadsheet with --map, prints the columns used, and names a wrong column or field (exit 2)', async () => {
    // "Post" and "Ruf" are no headers Tend knows: --map says what they are.
    const sheet = join(root, 'adressen.csv');
    writeFileSync(sheet, 'Vorname;Nachname;Post;Ruf\nJonas;Weber;jonas@example.de;+49 30 5550100\n');
    const mapped = await run('import', sheet, '--map', 'Post=email,Ruf=phone', '--dry-run');
    expect(mapped.stderr).toBe('Uploading adressen.csv: 100%\n');
    expect(mapped.code).toBe(0);
    expect(mapped.stdout).toContain('CSV with mapped columns, 1 row: 1 new');
    expect(mapped.stdout).toContain(
      'Columns: Vorname → First name, Nachname → Last name, Post → E-mail, Ruf → Phone\n',
    );
    // Remembered for these headers: the next upload without --map is read the same way.
    const again = await run('import', sheet, '--dry-run');
    expect(again.stdout).toContain(
      'Columns: Vorname → First name, Nachname → Last name, Post → E-mail, Ruf → Phone (remembered from the last import of these columns)',
    );
    const column = await run('import', sheet, '--map', 'Mail=email');
    expect(column).toMatchObject({ code: 2, stdout: '' });
    expect(column.stderr).toMatch(
      /tend: --map column 'Mail' is not in this file's header \(it has 'Vorname', 'Nachname', 'Post', 'Ruf'\)\n$/,
    );
    const field = await run('import', sheet, '--map', 'Post=mail');
    expect(field).toMatchObject({ code: 2, stdout: '' });
    expect(field.stderr).toMatch(
      /^tend: --map 'mail' \(for column 'Post'\) is not a field; use one of firstName, /,
    );
  });

  it('refuses a file that is not contacts with the server message and exit 1', async () => {
    const bad = await run('import', `${FIXTURES}/not-contacts.csv`);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(
      /\ntend: Unrecognised file \(it starts with "Date,Amount,Payee"\)\. Expected one of/,
    );
    const missing = await run('import', join(root, 'nope.csv'));
    expect(missing).toMatchObject({
      code: 1,
      stderr: `tend: cannot read ${join(root, 'nope.csv')} (ENOENT)\n`,
    });
  });
});

describe('tend export, restore and backup', { timeout: SLOW }, () => {
  it('round-trips a JSON export through restore into a fresh data dir, and backs SQLite up to a file that opens', async () => {
    const from = join(root, 'from');
    const to = join(root, 'to');
    expect((await tend(from, 'import', `${FIXTURES}/linkedin-connections.csv`)).code).toBe(0);
    const file = join(root, 'backup.json');
    expect((await tend(from, 'export', 'json', '-o', file)).stdout).toMatch(
      /^Wrote .*backup\.json \(\d+ bytes\)\n$/,
    );

    const restored = await tend(to, 'restore', file);
    expect(restored.stdout).toMatch(/^Restored .*6 contacts/);
    const list = async (d: string) =>
      JSON.parse((await tend(d, 'contacts', 'list', '--json')).stdout) as ContactPage;
    expect((await list(to)).items).toEqual((await list(from)).items);
    const twice = await tend(to, 'restore', file);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/tend: restore needs an empty account/);

    const vcf = await tend(from, 'export', 'vcard', '--version', '3.0');
    expect(vcf.stdout.match(/^BEGIN:VCARD\r?$/gm)).toHaveLength(6);
    expect(vcf.stdout).toMatch(/^VERSION:3\.0\r?$/m);

    const copy = join(root, 'copy.db');
    const backedUp = await tend(from, 'backup', copy);
    expect(backedUp).toMatchObject({ code: 0, stderr: '' });
    const db = new Database(copy, { readonly: true });
    try {
      expect(db.prepare('select count(*) as n from contacts').get()).toEqual({ n: 6 });
    } finally {
      db.close();
    }
    expect((await tend(from, 'backup', copy)).stderr).toMatch(/already exists/);
    const remote = await tend(
      from,
      '--server',
      'http://127.0.0.1:9',
      '--token',
      't',
      'backup',
      join(root, 'r.db'),
    );
    expect(remote.code).toBe(1);
    expect(remote.stderr).toMatch(/cannot run against --server/);
    expect(existsSync(join(root, 'r.db'))).toBe(false);
  });
});
