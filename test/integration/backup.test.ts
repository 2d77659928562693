import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_ROWS, Backup } from '../../src/contract/backup';
import { backupDatabase } from '../../src/services/backup/backup.service';
import { BACKED_UP_TABLES, FLAT_SECTIONS, NOT_BACKED_UP } from '../../src/services/backup/backup-sections';
import type { OwnedTable } from '../../src/store/backup.repo';
import { countOwned } from '../../src/store/backup.repo';
import { openSqlite } from '../../src/store/sqlite';
import { type Caller, fixedClock, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore, type TestStore, withRaw } from '../helpers/stores';
import { mbox, uploadMbox } from './capture-helpers';
import { upload } from './imports-helpers';

type Doc = Record<string, unknown> & { contacts: Record<string, unknown>[] };

/** The table names of the Database interface in src/store/database.ts, read from the source. */
function databaseInterfaceTables(): string[] {
  const source = readFileSync(new URL('../../src/store/database.ts', import.meta.url), 'utf8');
  const body = /export interface Database \{([^}]*)\}/.exec(source)?.[1] ?? '';
  return [...body.matchAll(/^\s*(\w+)\s*:/gm)].map((m) => m[1]!);
}

const backedUp = Object.keys(BACKED_UP_TABLES).filter((t): t is OwnedTable => t !== 'accounts');

describe('backup coverage', () => {
  it('backs up, or explicitly excludes, every table of the Database interface', () => {
    const tables = databaseInterfaceTables();
    expect(tables.length).toBeGreaterThan(15);
    const uncovered = tables.filter((t) => !(t in BACKED_UP_TABLES) && !(t in NOT_BACKED_UP));
    expect(uncovered, 'add these tables to the backup (backup-sections.ts) or to NOT_BACKED_UP').toEqual([]);
    for (const t of Object.keys(BACKED_UP_TABLES)) expect(t in NOT_BACKED_UP, t).toBe(false);
  });

  it('has a row schema for every flat section and a section for every row schema', () => {
    expect(FLAT_SECTIONS.map((s) => s.section).sort()).toEqual(Object.keys(BACKUP_ROWS).sort());
    expect(Object.keys(Backup.shape).sort()).toEqual(
      [
        'schemaVersion',
        'exportedAt',
        'settings',
        'circles',
        'tags',
        'contacts',
        ...Object.keys(BACKUP_ROWS),
      ].sort(),
    );
  });
});

describe.each(dialects)('backup and restore on %s', (dialect) => {
  let store: TestStore;
  let t: TestApp;
  let ada: Caller;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  /** Every migrated table that has an account_id column, from the live schema. */
  async function ownedTablesInSchema(): Promise<string[]> {
    const tables = await store.db.introspection.getTables();
    return tables
      .filter((x) => x.columns.some((c) => c.name === 'account_id') || x.name === 'accounts')
      .map((x) => x.name);
  }

  async function richAccount() {
    const demo = await ada.call('POST', '/api/v1/demo');
    expect(demo.statusCode, demo.body).toBe(201);
    const circles = (await ada.call('GET', '/api/v1/circles')).json().items;
    // A coloured circle, so the colour is backed up and restored too.
    await ada.call('PATCH', `/api/v1/circles/${circles[0].id}`, { color: '#1971c2' });
    const res = await ada.call('POST', '/api/v1/contacts', {
      firstName: 'Zoë; "Z"',
      lastName: 'Çelik, <b>Jr.</b>',
      circleId: circles[0].id,
      emails: [{ value: 'zoe@example.com', label: 'work' }, { value: 'z@example.org' }],
      phones: [{ value: '+90 212 555 0101', label: 'mobile' }],
      links: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/zoe' }],
      tags: ['backup-test', 'coffee, tea'],
      workingHours: { start: '08:00', end: '16:00', days: [1, 2, 3] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const zoe = res.json().id;
    expect(
      (await ada.call('POST', `/api/v1/contacts/${zoe}/notes`, { body: 'Line 1\nLine 2 — ünïcode' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await ada.call('POST', '/api/v1/segments', { name: 'Coffee people', filter: { tag: 'coffee, tea' } }))
        .statusCode,
    ).toBe(201);
    expect((await ada.call('POST', `/api/v1/today/${zoe}/snooze`, { until: '2026-04-01' })).statusCode).toBe(
      200,
    );
    const resource = await ada.call('POST', '/api/v1/resources', {
      kind: 'article',
      title: 'On compilers, "again"',
      url: 'https://example.com/a',
      tags: ['compilers', 'history'],
    });
    expect(resource.statusCode, resource.body).toBe(201);
    const share = await ada.call('POST', `/api/v1/resources/${resource.json().id}/share`, {
      contactId: zoe,
      channel: 'email',
    });
    expect(share.statusCode, share.body).toBe(201);
    const other = (await ada.call('GET', '/api/v1/contacts?limit=1')).json().items[0].id;
    const intro = await ada.call('POST', '/api/v1/introductions', {
      aContactId: zoe,
      bContactId: other,
      reason: 'both love COBOL; really',
    });
    expect(intro.statusCode, intro.body).toBe(201);
    const related = await ada.call('POST', `/api/v1/contacts/${zoe}/relationships`, {
      kind: 'introduced_by',
      otherId: other,
      note: 'at "the" conference; 2024',
    });
    expect(related.statusCode, related.body).toBe(201);
    const give = await ada.call('POST', `/api/v1/contacts/${other}/ledger`, {
      kind: 'help_given',
      note: 'a, b; c',
    });
    expect(give.statusCode, give.body).toBe(201);
    const catchUp = await ada.call('POST', `/api/v1/contacts/${zoe}/catch-ups`, {
      format: 'lunch',
      startAt: '2026-03-12T12:00:00Z',
      note: 'Ask about "the move"; bring the book',
    });
    expect(catchUp.statusCode, catchUp.body).toBe(201);
    const trip = await ada.call('POST', '/api/v1/trips', {
      city: 'São Paulo',
      country: 'Brazil',
      startsOn: '2026-05-12',
      endsOn: '2026-05-15',
      kind: 'conference',
    });
    expect(trip.statusCode, trip.body).toBe(201);
    const hours = { start: '08:30', end: '16:00', days: [1, 2, 3, 4] };
    expect((await ada.call('PATCH', '/api/v1/me/settings', { workingHours: hours })).statusCode).toBe(200);
    const update = await ada.call('POST', '/api/v1/updates', {
      subject: 'News, {{firstName}}',
      body: 'Hi {{firstName}}; we moved to "Lisbon".',
      filter: { tag: 'backup-test' },
    });
    expect(update.statusCode, update.body).toBe(201);
    const sent = await ada.call('POST', `/api/v1/updates/${update.json().id}/send`, { mode: 'drafts' });
    expect(sent.statusCode, sent.body).toBe(200);
    const digest = await ada.call('PATCH', '/api/v1/digest/settings', {
      digestEnabled: true,
      digestEmail: 'me@example.com',
    });
    expect(digest.statusCode, digest.body).toBe(200);
    const holidays = await ada.call('PUT', '/api/v1/holidays/settings', {
      circles: [{ circleId: circles[0].id, kinds: ['christmas', 'diwali'], leadDays: 5 }],
    });
    expect(holidays.statusCode, holidays.body).toBe(200);
    const photo = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/contacts/${zoe}/photo`,
      headers: { authorization: `Bearer ${ada.token}`, 'content-type': 'image/png' },
      payload: await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2b8a3e' } })
        .png()
        .toBuffer(),
    });
    expect(photo.statusCode, photo.body).toBe(200);
    // A generic CSV imported with --map leaves a remembered mapping for its header set.
    const mapped = await upload(t.app, ada, 'Vorname;Nachname;Post\nMira;Falk;mira@example.com\n', {
      map: 'Post=email',
    });
    expect(mapped.statusCode, mapped.body).toBe(201);
    expect((await ada.call('DELETE', `/api/v1/imports/${mapped.json().id}`)).statusCode).toBe(204);
    // A captured e-mail leaves its key, backed up without its source.
    const mail = await ada.call('POST', '/api/v1/sources', { kind: 'mbox', name: 'Takeout' });
    const captured = await uploadMbox(
      t.app,
      ada,
      mail.json().id,
      mbox([
        ['Message-ID: <zoe-1@example.com>', 'Date: Mon, 2 Mar 2026 10:00:00 +0000', 'From: zoe@example.com'],
      ]),
    );
    expect(captured.json()).toMatchObject({ captured: 1 });
    return zoe;
  }

  const backupOf = async (who: Caller): Promise<Doc> => {
    const res = await who.call('GET', '/api/v1/export/backup.json');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="tend-backup-2026-03-10.json"');
    return res.json<Doc>();
  };
  const restore = (who: Caller, doc: unknown) => who.call('POST', '/api/v1/import/backup', doc);

  it('restores a rich account into another one, ids kept, and backs up to the same document', async () => {
    const zoe = await richAccount();
    const first = await backupOf(ada);
    expect(first.schemaVersion).toBe(1);
    expect(first.exportedAt).toBe('2026-03-10T09:00:00.000Z');
    expect(JSON.stringify(first)).not.toContain(ada.accountId);
    expect(first.contacts.find((c) => c.id === zoe)).toMatchObject({
      first_name: 'Zoë; "Z"',
      emails: [
        { value: 'zoe@example.com', label: 'work' },
        { value: 'z@example.org', label: null },
      ],
      tags: ['backup-test', 'coffee, tea'],
    });

    expect((first.circles as { color: string | null }[]).map((c) => c.color)).toContain('#1971c2');
    const bob = await signUp(t.app, 'bob@example.com', 'Bob');
    const restored = await restore(bob, first);
    expect(restored.statusCode, restored.body).toBe(201);
    expect(restored.json().restored.contacts).toBe(first.contacts.length);

    const second = await backupOf(bob);
    const { exportedAt: _a, ...a } = first;
    const { exportedAt: _b, ...b } = second;
    expect(b).toEqual(a);

    // A backup made before circles had colours still restores, the circles without one.
    const carol = await signUp(t.app, 'carol@example.com', 'Carol');
    const old = {
      ...first,
      circles: (first.circles as object[]).map(({ color: _, ...c }: { color?: unknown }) => c),
    };
    expect((await restore(carol, old)).statusCode).toBe(201);
    const carolCircles = (await carol.call('GET', '/api/v1/circles')).json().items as {
      color: string | null;
    }[];
    expect(carolCircles.map((c) => c.color)).toEqual(carolCircles.map(() => null));

    // Every backed-up table really travelled: the same rows on both sides, and not zero.
    for (const table of [...backedUp, 'contact_search' as const]) {
      const n = await countOwned(store.read, table, ada.accountId);
      expect(n, table).toBeGreaterThan(0);
      expect(await countOwned(store.read, table, bob.accountId), table).toBe(n);
    }
    // The restored account works: search (rebuilt index), Today, and a contact read.
    expect(
      (await bob.call('GET', '/api/v1/contacts?q=ünïcode')).json().items.map((c: { id: string }) => c.id),
    ).toEqual([zoe]);
    expect((await bob.call('GET', `/api/v1/contacts/${zoe}`)).json()).toMatchObject({
      lastName: 'Çelik, <b>Jr.</b>',
    });
    expect((await bob.call('GET', '/api/v1/today')).json().items.length).toBeGreaterThan(0);
    // The photo came back byte for byte, with its ETag.
    const photoOf = (who: Caller) =>
      t.app.inject({
        url: `/api/v1/contacts/${zoe}/photo`,
        headers: { authorization: `Bearer ${who.token}` },
      });
    const [adaPhoto, bobPhoto] = [await photoOf(ada), await photoOf(bob)];
    expect(bobPhoto.statusCode).toBe(200);
    expect(bobPhoto.headers.etag).toBe(adaPhoto.headers.etag);
    expect(bobPhoto.rawPayload.equals(adaPhoto.rawPayload)).toBe(true);
    // The settings came along, the name of the account did not.
    expect((await bob.call('GET', '/api/v1/me')).json()).toMatchObject({
      name: 'Bob',
      timeZone: 'Europe/London',
    });
  });

  it('covers every account-owned table in the migrated schema', async () => {
    const owned = await ownedTablesInSchema();
    expect(owned).toEqual(expect.arrayContaining(['contacts', 'interactions', 'feed_tokens']));
    expect(owned.filter((x) => !(x in BACKED_UP_TABLES) && !(x in NOT_BACKED_UP))).toEqual([]);
  });

  it('refuses an account that has data (409) and bad files with the path of the problem (400), writing nothing', async () => {
    await richAccount();
    const doc = await backupOf(ada);
    const conflict = await restore(ada, doc);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().detail).toMatch(/empty account; this one has .*\d+ contacts/);

    const bob = await signUp(t.app, 'bob@example.com', 'Bob');
    const before = await backupOf(bob);
    const broken = (mutate: (d: Doc) => void): Doc => {
      const copy = structuredClone(doc);
      mutate(copy);
      return copy;
    };
    const cases: [Doc | unknown, string, RegExp][] = [
      [
        broken((d) => {
          (d.contacts[12] as { emails: unknown[] }).emails = [
            { id: uuidv7(), value: 'not-an-email', label: null },
          ];
        }),
        'contacts.12.emails.0.value',
        /e-?mail/i,
      ],
      [broken((d) => (d.schemaVersion = 2)), 'schemaVersion', /1/],
      [
        broken((d) => ((d.interactions as { channel: string }[])[3]!.channel = 'pigeon')),
        'interactions.3.channel',
        /./,
      ],
      [
        broken((d) => ((d.interactions as { contact_id: string }[])[0]!.contact_id = 'nobody')),
        'interactions.0.contact_id',
        /no contacts row nobody/,
      ],
      [
        broken((d) => ((d.contacts[1] as { tags: string[] }).tags = ['no-such-tag'])),
        'contacts.1.tags.0',
        /no tag/,
      ],
      [
        broken((d) => (d.notes as unknown[]).push((d.notes as unknown[])[0])),
        `notes.${(doc.notes as unknown[]).length}.id`,
        /duplicate/,
      ],
      [broken((d) => (d.contacts[0]!.nickname = 'x')), 'contacts.0', /nickname/],
      [[1, 2, 3], 'body', /./],
    ];
    for (const [body, field, message] of cases) {
      const res = await restore(bob, body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      const problem = res.json();
      expect(problem.errors?.[0]?.field ?? '', res.body).toBe(field);
      expect(problem.detail).toMatch(message);
    }
    const after = await backupOf(bob);
    expect(after).toEqual(before);
    expect(after.contacts).toEqual([]);
    expect((after.circles as unknown[]).length).toBe(5);
  });
});

describe('SQLite file backup', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tend-backup-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies a live database into a file that opens with the same rows', async () => {
    const store = withRaw(await openSqlite(join(dir, 'live', 'tend.db')), 'sqlite');
    const t = await testApp(store);
    const ada = await signUp(t.app);
    expect((await ada.call('POST', '/api/v1/demo')).statusCode).toBe(201);
    const target = join(dir, 'copies', 'tend-copy.db');
    await backupDatabase({ store }, target);
    const copy = withRaw(await openSqlite(target), 'sqlite');
    const tables = (await store.db.introspection.getTables()).map((x) => x.name);
    expect(tables.length).toBeGreaterThan(15);
    for (const table of tables) {
      const count = async (s: TestStore) =>
        Number(
          (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(s.db)).rows[0]?.n,
        );
      const n = await count(store);
      expect(await count(copy), table).toBe(n);
      if (table === 'contacts') expect(n).toBeGreaterThan(100);
    }
    await copy.close();
    await t.app.close();
    await store.close();
  });

  it('points PostgreSQL users to pg_dump', async () => {
    const pgLike = { store: { ...(await openSqlite(':memory:')), backupTo: null } };
    await expect(backupDatabase(pgLike, join(dir, 'x.db'))).rejects.toThrow(/pg_dump/);
    void fixedClock;
  });
});
