import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/formats/csv-records';
import { bytesSource } from '../../src/formats/decode';
import type { ImportedContact } from '../../src/formats/imported-contact';
import { readImport } from '../../src/formats/read-import';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

async function readBack(text: string) {
  const { format, rows } = await readImport(bytesSource(Buffer.from(text, 'utf8'), 100));
  const out = [];
  for await (const row of rows) out.push(row);
  return { format, rows: out };
}

async function csvOf(text: string): Promise<string[][]> {
  async function* lines() {
    yield* text.replace(/^\uFEFF/, '').split('\r\n');
  }
  const out: string[][] = [];
  for await (const r of csvRecords(lines(), ',')) if ('fields' in r) out.push(r.fields);
  return out;
}

describe.each(dialects)('export on %s', (dialect) => {
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

  const created = async (url: string, body: object) => {
    const res = await ada.call('POST', url, body);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
    return res.json<{ id: string }>().id;
  };

  async function seed() {
    const circles = (await ada.call('GET', '/api/v1/circles')).json<{
      items: { id: string; name: string }[];
    }>();
    const mentors = circles.items.find((c) => c.name === 'Mentors')!;
    const grace = await created('/api/v1/contacts', {
      firstName: 'Grace',
      lastName: 'Hopper, "Amazing"; Grace',
      company: 'Navy, Inc.',
      title: 'Rear Admiral',
      industry: 'Defence',
      city: 'Arlington',
      country: 'US',
      timeZone: 'America/New_York',
      metOn: '2024-05-04',
      circleId: mentors.id,
      emails: [{ value: 'grace@navy.mil', label: 'work' }, { value: 'grace@home.example' }],
      phones: [{ value: '+1 202 555 0100', label: 'mobile' }],
      links: [
        { kind: 'linkedin', url: 'https://www.linkedin.com/in/grace' },
        { kind: 'github', url: 'https://github.com/grace' },
      ],
      tags: ['compilers', 'cobol, fortran'],
    });
    await created(`/api/v1/contacts/${grace}/dates`, { kind: 'birthday', month: 12, day: 9, year: 1906 });
    await created(`/api/v1/contacts/${grace}/dates`, { kind: 'personal_anniversary', month: 2, day: 29 });
    await created(`/api/v1/contacts/${grace}/interactions`, {
      channel: 'call',
      direction: 'outbound',
      occurredAt: '2026-03-01T10:00:00Z',
      summary: 'caught up',
    });
    const evil = await created('/api/v1/contacts', {
      firstName: '=HYPERLINK("http://evil.example","x")',
      lastName: '@SUM(A1)',
      company: '+cmd|calc',
      title: '-2+3',
      emails: [{ value: 'evil@example.com' }],
      tags: ['=tag'],
    });
    return { grace, evil, mentors };
  }

  it('exports vCard 4.0 and 3.0 that our own importer reads back field for field', async () => {
    const { grace, evil } = await seed();
    const expected: Record<string, ImportedContact> = {
      [grace]: {
        firstName: 'Grace',
        lastName: 'Hopper, "Amazing"; Grace',
        emails: [{ value: 'grace@navy.mil', label: 'work' }, { value: 'grace@home.example' }],
        phones: [{ value: '+1 202 555 0100', label: 'mobile' }],
        links: [
          { kind: 'linkedin', url: 'https://www.linkedin.com/in/grace' },
          { kind: 'github', url: 'https://github.com/grace' },
        ],
        company: 'Navy, Inc.',
        title: 'Rear Admiral',
        industry: 'Defence',
        city: 'Arlington',
        country: 'US',
        timeZone: 'America/New_York',
        tags: ['cobol, fortran', 'compilers'],
        connectedOn: '2024-05-04',
        birthday: { year: 1906, month: 12, day: 9 },
        anniversary: { month: 2, day: 29 },
      },
      [evil]: {
        firstName: '=HYPERLINK("http://evil.example","x")',
        lastName: '@SUM(A1)',
        emails: [{ value: 'evil@example.com' }],
        phones: [],
        links: [],
        company: '+cmd|calc',
        title: '-2+3',
        tags: ['=tag'],
      },
    };
    for (const version of ['4.0', '3.0']) {
      const res = await ada.call('GET', `/api/v1/export/contacts.vcf?version=${version}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/vcard/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="tend-contacts.vcf"');
      expect(res.body).toContain(`VERSION:${version}\r\n`);
      expect(res.body).toContain(`UID:${grace}\r\n`);
      const back = await readBack(res.body);
      expect(back.format).toBe('vcard');
      expect(back.rows).toHaveLength(2);
      // Name order: "=HYPERLINK…" sorts before "Grace".
      const [first, second] = back.rows.map((r) => ('contact' in r ? r.contact : r.error));
      // The UID is our contact id: a re-import finds the very contact again.
      expect(first).toEqual({ uid: evil, ...expected[evil] });
      expect(second).toEqual({ uid: grace, ...expected[grace] });
    }
    expect((await ada.call('GET', '/api/v1/export/contacts.vcf?version=2.1')).statusCode).toBe(400);
  });

  it('exports one CSV row per contact, with formulas neutralised', async () => {
    const { mentors } = await seed();
    const res = await ada.call('GET', '/api/v1/export/contacts.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="tend-contacts.csv"');
    const [header, evil, grace, ...rest] = await csvOf(res.body);
    expect(rest).toEqual([]);
    expect(header).toEqual([
      'Name',
      'First Name',
      'Last Name',
      'Emails',
      'Phones',
      'Company',
      'Title',
      'Circle',
      'Tags',
      'City',
      'Country',
      'Last Contact',
      'Next Due',
      'Birthday',
      'LinkedIn',
    ]);
    const row = Object.fromEntries(header!.map((h, i) => [h, grace![i]]));
    expect(row).toMatchObject({
      Name: 'Grace Hopper, "Amazing"; Grace',
      Emails: 'grace@navy.mil, grace@home.example',
      Phones: "'+1 202 555 0100",
      Company: 'Navy, Inc.',
      Circle: mentors.name,
      Tags: 'cobol, fortran, compilers',
      City: 'Arlington',
      Country: 'US',
      'Last Contact': '2026-03-01T10:00:00.000Z',
      Birthday: '1906-12-09',
      LinkedIn: 'https://www.linkedin.com/in/grace',
    });
    expect(row['Next Due']).toMatch(/^2026-\d\d-\d\dT/);
    // Every cell a spreadsheet would run as a formula starts with a quote instead.
    expect(evil!.slice(0, 7)).toEqual([
      `'=HYPERLINK("http://evil.example","x") @SUM(A1)`,
      `'=HYPERLINK("http://evil.example","x")`,
      "'@SUM(A1)",
      'evil@example.com',
      '',
      "'+cmd|calc",
      "'-2+3",
    ]);
    expect(evil![8]).toBe("'=tag");

    // Another account exports only its own (no) contacts.
    const bob = await signUp(t.app, 'bob@example.com', 'Bob');
    expect(await csvOf((await bob.call('GET', '/api/v1/export/contacts.csv')).body)).toEqual([header]);
    expect((await bob.call('GET', '/api/v1/export/contacts.vcf')).body).toBe('');
  });

  it('streams a network larger than one page, each contact once and in name order', async () => {
    const n = 1234;
    const rows = Array.from({ length: n }, (_, i) => {
      const name = `Person ${String(i).padStart(5, '0')}`;
      return {
        account_id: ada.accountId,
        id: `0195f000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        first_name: name,
        last_name: '',
        sort_name: name.toLowerCase(),
        tracked: 1,
        created_at: '2026-03-01T00:00:00Z',
        updated_at: '2026-03-01T00:00:00Z',
      };
    });
    for (let i = 0; i < n; i += 200)
      await store.db
        .insertInto('contacts')
        .values(rows.slice(i, i + 200))
        .execute();
    const vcf = (await ada.call('GET', '/api/v1/export/contacts.vcf')).body;
    const uids = [...vcf.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]!.trim());
    expect(uids).toEqual(rows.map((r) => r.id));
    const csv = await csvOf((await ada.call('GET', '/api/v1/export/contacts.csv')).body);
    expect(csv).toHaveLength(n + 1);
    expect(csv.slice(1).map((r) => r[1])).toEqual(rows.map((r) => r.first_name));
  });
});
