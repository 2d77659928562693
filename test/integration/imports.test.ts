import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { fixtureBytes } from '../fixtures/imports/fixture';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';
import { linkedInCsv, upload } from './imports-helpers';

describe.each(dialects)('imports on %s', (dialect) => {
  let store: Store;
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

  const contacts = async (caller = ada) =>
    (await caller.call('GET', '/api/v1/contacts?limit=200')).json<{
      items: { id: string; displayName: string; company: string | null; title: string | null }[];
    }>().items;

  it('previews a LinkedIn export: counts, sample, paged rows and the error report', async () => {
    const res = await upload(t.app, ada, fixtureBytes('linkedin-connections.csv'), {
      fileName: 'Connections.csv',
    });
    expect(res.statusCode).toBe(201);
    const run = res.json();
    expect(run).toMatchObject({
      format: 'linkedin',
      formatLabel: 'LinkedIn Connections CSV',
      fileName: 'Connections.csv',
      status: 'preview',
      counts: { new: 6, duplicate: 0, merge: 0, error: 1, total: 7, warnings: 1 },
      result: null,
      committedAt: null,
    });
    expect(run.sample).toHaveLength(7);
    expect(run.sample[0]).toMatchObject({
      line: 5,
      status: 'new',
      name: 'Ada Lovelace',
      contact: { firstName: 'Ada', company: 'Analytical Engines Ltd', connectedOn: '2024-03-12' },
      match: null,
      error: null,
    });
    // Nothing is imported by a preview.
    expect(await contacts()).toEqual([]);

    const page1 = (await ada.call('GET', `/api/v1/imports/${run.id}/rows?limit=3`)).json();
    expect(page1.items.map((r: { line: number }) => r.line)).toEqual([5, 6, 7]);
    const page2 = (
      await ada.call('GET', `/api/v1/imports/${run.id}/rows?limit=3&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2.items.map((r: { line: number }) => r.line)).toEqual([8, 9, 10]);
    const page3 = (
      await ada.call('GET', `/api/v1/imports/${run.id}/rows?limit=3&cursor=${page2.nextCursor}`)
    ).json();
    // Zoë's quoted title spans two lines: a record is numbered by the line it starts on.
    expect(page3).toMatchObject({ items: [{ line: 11, name: 'Zoë Çelik' }], nextCursor: null });
    const errors = (await ada.call('GET', `/api/v1/imports/${run.id}/rows?status=error`)).json();
    expect(errors.items.map((r: { line: number; status: string }) => [r.line, r.status])).toEqual([
      [9, 'error'],
    ]);
    // An unreadable date costs that field, not the person: the row is new, with a warning.
    expect(page2.items[0]).toMatchObject({
      line: 8,
      status: 'new',
      name: 'Bad Date',
      warnings: ["row 8: 'Connected On' is not a date: 31/02/2024; left out"],
    });

    const csv = await ada.call('GET', `/api/v1/imports/${run.id}/errors.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toBe('Line,Error,Name\r\n9,row 9: the first name is empty,NoFirst\r\n');

    expect((await ada.call('GET', `/api/v1/imports/${run.id}`)).json()).toEqual(run);
  });

  it('commits new contacts with e-mails, links, met-on date and search, but no follow-up tasks', async () => {
    const run = (await upload(t.app, ada, fixtureBytes('linkedin-connections.csv'))).json();
    const res = await ada.call('POST', `/api/v1/imports/${run.id}/commit`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'committed',
      committedAt: '2026-03-10T09:00:00.000Z',
      result: { created: 6, merged: 0, skipped: 0, lifeEvents: 0 },
    });
    const list = await contacts();
    expect(list.map((c) => c.displayName).sort()).toEqual([
      '<script>alert(1)</script> O\'Brien "The Hacker"',
      'Ada Lovelace',
      'Alan Turing',
      'Bad Date',
      'Grace Hopper',
      'Zoë Çelik',
    ]);
    const adaId = list.find((c) => c.displayName === 'Ada Lovelace')!.id;
    const contact = (await ada.call('GET', `/api/v1/contacts/${adaId}`)).json();
    expect(contact).toMatchObject({
      emails: [{ value: 'ada@example.com', label: null }],
      links: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/ada-lovelace' }],
      howMet: 'LinkedIn',
      metOn: '2024-03-12',
      tracked: true,
      company: 'Analytical Engines Ltd',
      title: 'Chief Mathematician',
      // Derived like any new contact: due one (yearly) cadence after creation.
      nextDueAt: '2027-03-10T09:00:00.000Z',
    });
    // Markup is stored as the plain text it was.
    const hacker = list.find((c) => c.displayName.startsWith('<script>'))!;
    expect(hacker.company).toBe('=HYPERLINK("http://evil")');
    // Search sees imported names and companies.
    const found = (await ada.call('GET', '/api/v1/contacts?q=bletchley')).json().items;
    expect(found.map((c: { displayName: string }) => c.displayName)).toEqual(['Alan Turing']);
    // F6 follow-ups are for people just met, not for a whole network imported at once.
    const tasks = (await ada.call('GET', '/api/v1/tasks')).json();
    expect(tasks.items ?? tasks).toEqual([]);

    const again = await ada.call('POST', `/api/v1/imports/${run.id}/commit`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already committed/);
    expect(await contacts()).toHaveLength(6);
  });

  it('detects a LinkedIn job change on re-import: a merge, then a new-role life event and a Today reason', async () => {
    const first = linkedInCsv([
      [
        'Ada',
        'Lovelace',
        'https://www.linkedin.com/in/ada',
        '',
        'Analytical Engines',
        'Mathematician',
        '12 Mar 2024',
      ],
      [
        'Alan',
        'Turing',
        'https://www.linkedin.com/in/alan',
        '',
        'Bletchley Park',
        'Cryptanalyst',
        '01 Feb 2023',
      ],
    ]);
    const run1 = (await upload(t.app, ada, first)).json();
    expect((await ada.call('POST', `/api/v1/imports/${run1.id}/commit`, {})).statusCode).toBe(200);
    const adaId = (await contacts()).find((c) => c.displayName === 'Ada Lovelace')!.id;

    const second = linkedInCsv([
      ['Ada', 'Lovelace', 'https://linkedin.com/in/ada/', '', 'Babbage & Co', 'Mathematician', '12 Mar 2024'],
      [
        'Alan',
        'Turing',
        'https://www.linkedin.com/in/alan',
        '',
        'Bletchley Park',
        'Cryptanalyst',
        '01 Feb 2023',
      ],
    ]);
    const run2 = (await upload(t.app, ada, second)).json();
    expect(run2.counts).toMatchObject({
      new: 0,
      duplicate: 1,
      merge: 1,
      conflict: 0,
      error: 0,
      total: 2,
      warnings: 0,
    });
    const merge = run2.sample.find((r: { status: string }) => r.status === 'merge');
    expect(merge).toMatchObject({
      name: 'Ada Lovelace',
      match: { contactId: adaId, line: null, by: 'linkedin' },
      changes: [{ field: 'company', from: 'Analytical Engines', to: 'Babbage & Co', applies: true }],
    });

    const committed = (await ada.call('POST', `/api/v1/imports/${run2.id}/commit`, {})).json();
    expect(committed.result).toEqual({ created: 0, merged: 1, skipped: 1, lifeEvents: 1 });
    expect((await ada.call('GET', `/api/v1/contacts/${adaId}`)).json().company).toBe('Babbage & Co');
    const events = (await ada.call('GET', `/api/v1/contacts/${adaId}/life-events`)).json().items;
    expect(events).toMatchObject([
      {
        kind: 'new_role',
        title: 'New role: Mathematician at Babbage & Co',
        occurredOn: '2026-03-10',
        source: 'import_diff',
      },
    ]);
    const today = (await ada.call('GET', '/api/v1/today')).json();
    const item = today.items.find((i: { contactId: string }) => i.contactId === adaId);
    expect(item.reasons).toContainEqual(
      expect.objectContaining({ kind: 'life_event', eventKind: 'new_role' }),
    );
    expect((await contacts()).length).toBe(2);
  });

  it('reads vCards: phones in E.164, birthday and anniversary as important dates, notes, tags', async () => {
    const run = (await upload(t.app, ada, fixtureBytes('vcard40.vcf'), { type: 'text/vcard' })).json();
    expect(run).toMatchObject({ format: 'vcard', counts: { new: 3, error: 0 } });
    const res = await ada.call('POST', `/api/v1/imports/${run.id}/commit`);
    expect(res.statusCode).toBe(200);
    const kj = (await contacts()).find((c) => c.displayName.startsWith('Katherine'))!;
    const contact = (await ada.call('GET', `/api/v1/contacts/${kj.id}`)).json();
    expect(contact).toMatchObject({
      timeZone: 'America/New_York',
      phones: [{ value: expect.stringContaining('757') }],
      tags: ['mentor', 'space'],
    });
    const dates = (await ada.call('GET', `/api/v1/contacts/${kj.id}/dates`)).json().items;
    expect(
      dates.map((d: { kind: string; month: number; day: number }) => [d.kind, d.month, d.day]).sort(),
    ).toEqual([
      ['birthday', 8, 26],
      ['personal_anniversary', 1, 1],
    ]);
    const notes = (await ada.call('GET', `/api/v1/contacts/${kj.id}/notes`)).json().items;
    expect(notes[0].body).toContain('Line one\nLine two, with comma; and semicolon');
    // A vCard's UTC offset is not a zone Today can compute with: dropped, not stored.
    const mono = (await contacts()).find((c) => c.displayName === 'Mononym')!;
    expect((await ada.call('GET', `/api/v1/contacts/${mono.id}`)).json().timeZone).toBeNull();
    // The phone's E.164 form makes a later import with another spelling a duplicate.
    const vcf = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Johnson;Katherine\r\nTEL:(757) 555-0123\r\nEND:VCARD\r\n';
    const again = (await upload(t.app, ada, vcf, { type: 'text/x-vcard', region: 'US' })).json();
    expect(again.sample[0]).toMatchObject({ status: 'duplicate', match: { contactId: kj.id, by: 'phone' } });
  });

  it('follows the defaults and per-row choices: skip, create a duplicate, merge into a row of the same file', async () => {
    await ada.call('POST', '/api/v1/contacts', {
      firstName: 'Grace',
      lastName: 'Hopper',
      company: 'Navy',
      emails: [{ value: 'grace@navy.mil' }],
      tags: ['Cobol'],
    });
    const file = linkedInCsv([
      [
        'Grace',
        'Hopper',
        'https://www.linkedin.com/in/grace',
        'grace@navy.mil',
        'Navy',
        'Admiral',
        '01 Feb 2023',
      ],
      ['Ada', 'Lovelace', '', 'ada@example.com', 'Engines', '', '12 Mar 2024'],
      [
        'Ada',
        'Lovelace',
        'https://www.linkedin.com/in/ada',
        'ada@example.com',
        'Engines',
        'Analyst',
        '12 Mar 2024',
      ],
      ['Alan', 'Turing', '', 'alan@example.com', 'Bletchley', '', '12 Mar 2024'],
    ]);
    const run = (await upload(t.app, ada, file)).json();
    expect(run.sample.map((r: { status: string }) => r.status)).toEqual(['merge', 'new', 'merge', 'new']);
    expect(run.sample[2].match).toEqual({ contactId: null, line: 6, by: 'email' });

    const bad = await ada.call('POST', `/api/v1/imports/${run.id}/commit`, { rows: { '6': 'merge' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: 'rows.6', message: expect.stringMatching(/nothing to merge/) },
    ]);
    const unknown = await ada.call('POST', `/api/v1/imports/${run.id}/commit`, { rows: { '99': 'skip' } });
    expect(unknown.json().errors[0].field).toBe('rows.99');

    const res = await ada.call('POST', `/api/v1/imports/${run.id}/commit`, {
      defaults: { merge: 'merge', duplicate: 'skip' },
      rows: { '8': 'skip' },
    });
    expect(res.json().result).toEqual({ created: 1, merged: 2, skipped: 1, lifeEvents: 0 });
    const list = await contacts();
    expect(list.map((c) => c.displayName).sort()).toEqual(['Ada Lovelace', 'Grace Hopper']);
    const grace = (
      await ada.call('GET', `/api/v1/contacts/${list.find((c) => c.displayName === 'Grace Hopper')!.id}`)
    ).json();
    // Filled (title was empty, so no new-role event) and added; the stored name and tags are kept.
    expect(grace).toMatchObject({
      title: 'Admiral',
      metOn: '2023-02-01',
      links: [{ url: 'https://www.linkedin.com/in/grace' }],
      tags: ['Cobol'],
    });
    const adaC = (
      await ada.call('GET', `/api/v1/contacts/${list.find((c) => c.displayName === 'Ada Lovelace')!.id}`)
    ).json();
    expect(adaC).toMatchObject({ title: 'Analyst', links: [{ url: 'https://www.linkedin.com/in/ada' }] });
  });

  it('discards a preview; another account sees none of it', async () => {
    const run = (await upload(t.app, ada, fixtureBytes('linkedin-connections.csv'))).json();
    const bob = await signUp(t.app, 'bob@example.com', 'Bob');
    for (const url of [
      `/api/v1/imports/${run.id}`,
      `/api/v1/imports/${run.id}/rows`,
      `/api/v1/imports/${run.id}/errors.csv`,
    ]) {
      const res = await bob.call('GET', url);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Lovelace');
    }
    expect((await bob.call('POST', `/api/v1/imports/${run.id}/commit`, {})).statusCode).toBe(404);
    expect((await bob.call('DELETE', `/api/v1/imports/${run.id}`)).statusCode).toBe(404);

    expect((await ada.call('DELETE', `/api/v1/imports/${run.id}`)).statusCode).toBe(204);
    const after = (await ada.call('GET', `/api/v1/imports/${run.id}`)).json();
    expect(after).toMatchObject({ status: 'discarded', sample: [] });
    const commit = await ada.call('POST', `/api/v1/imports/${run.id}/commit`, {});
    expect(commit.statusCode).toBe(409);
    expect(commit.json().detail).toMatch(/discarded/);
    expect(await contacts()).toEqual([]);
  });
});
