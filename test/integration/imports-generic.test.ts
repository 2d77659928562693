import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRun } from '../../src/contract/imports';
import { fixtureBytes } from '../fixtures/imports/fixture';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';
import { allTableCounts, upload } from './imports-helpers';

/**
 * F23, the generic CSV import: the mapping guessed for any spreadsheet, edited in the preview
 * (the file is read again and every row classified anew), remembered per header set, and named
 * column by column on upload (?map=, what `tend import --map` sends).
 */
describe.each(dialects)('generic CSV imports on %s', (dialect) => {
  let store: TestStore;
  let t: TestApp;
  let ada: Caller;

  beforeAll(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
    const grace = await ada.call('POST', '/api/v1/contacts', {
      firstName: 'Grace',
      lastName: 'Hopper',
      emails: [{ value: 'grace@example.com' }],
    });
    expect(grace.statusCode, grace.body).toBe(201);
  });
  afterAll(async () => {
    await t.app.close();
    await store.close();
  });

  // "Kontakt" is no header we know: its values make it the e-mail column. Three birthdays are unreadable.
  const sheet = (rows: string) => `Name;Kontakt;Geburtstag;Notiz\n${rows}`;
  const file = sheet(
    'Grace Hopper;grace@example.com;31.02.1906;\n' +
      'Mira Falk;mira@example.com;12.04.1990;Nachbarin\n' +
      'Ole Brandt;ole@example.com;gestern;\n' +
      'Ida Rose;ida@example.com;99.99.99;\n',
  );
  const put = (id: string, fields: string[]) => ada.call('PUT', `/api/v1/imports/${id}/mapping`, { fields });
  const discard = async (id: string) =>
    expect((await ada.call('DELETE', `/api/v1/imports/${id}`)).statusCode).toBe(204);

  it('reads Thunderbird (German) fully through the guessed mapping, and shows it', async () => {
    const res = await upload(t.app, ada, fixtureBytes('thunderbird-de.csv'));
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json<ImportRun>();
    expect(run).toMatchObject({ format: 'generic', counts: { new: 2, error: 0, total: 2 } });
    const field = (name: string) => run.mapping?.columns.find((c) => c.name === name)?.field;
    expect(field('Vorname')).toBe('firstName');
    expect(field('Primäre E-Mail-Adresse')).toBe('email');
    expect(field('Geburtsjahr')).toBe('birthday');
    expect(field('Abteilung')).toBe('ignore');
    expect(run.mapping?.columns[0]).toMatchObject({ index: 0, sample: 'Jörg', guess: 'firstName' });
    expect(run.mapping?.remembered).toBe(false);
    await discard(run.id);
  });

  it('re-classifies every row when the mapping changes, says which column lost values, and remembers it', async () => {
    const res = await upload(t.app, ada, file);
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json<ImportRun>();
    expect(run.mapping?.columns.map((c) => c.field)).toEqual(['fullName', 'email', 'birthday', 'notes']);
    expect(run.counts).toMatchObject({ new: 3, duplicate: 1, total: 4, warnings: 3 });
    expect(run.mapping?.warnings).toEqual([
      "column 'Geburtstag' mapped to birthday: 3 rows have unreadable dates, they import without it",
    ]);

    // Without the e-mail column Grace no longer matches anyone: four new people, notes ignored too.
    const remapped = await put(run.id, ['fullName', 'ignore', 'birthday', 'ignore']);
    expect(remapped.statusCode, remapped.body).toBe(200);
    const after = remapped.json<ImportRun>();
    expect(after.counts).toMatchObject({ new: 4, duplicate: 0, total: 4 });
    expect(after.mapping?.columns.map((c) => c.field)).toEqual(['fullName', 'ignore', 'birthday', 'ignore']);
    expect(after.sample[1]?.contact).toMatchObject({ firstName: 'Mira', emails: [] });
    expect(after.sample[1]?.contact).not.toHaveProperty('notes');

    // The next upload with the same headers (other rows) gets that mapping pre-filled.
    const again = await upload(t.app, ada, sheet('Tom Berg;tom@example.com;01.01.1980;\n'));
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json<ImportRun>().mapping).toMatchObject({
      remembered: true,
      columns: [{ field: 'fullName' }, { field: 'ignore' }, { field: 'birthday' }, { field: 'ignore' }],
    });
    await discard(again.json<ImportRun>().id);

    // Committing creates what the preview showed under the edited mapping.
    const done = await ada.call('POST', `/api/v1/imports/${run.id}/commit`, {});
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<ImportRun>().result).toMatchObject({ created: 4, merged: 0 });
    // The stored upload went with the preview.
    expect((await allTableCounts(store)).import_uploads).toBe(0);
  });

  it('refuses a mapping without a name or e-mail, or of the wrong length, changing nothing', async () => {
    const res = await upload(t.app, ada, sheet('Lena Kraus;lena@example.com;;\n'), {
      map: 'Kontakt=email,Name=fullName',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<ImportRun>().id;
    const before = await allTableCounts(store);
    const none = await put(id, ['ignore', 'phone', 'birthday', 'notes']);
    expect(none.statusCode).toBe(400);
    expect(none.json().detail).toBe(
      'fields: no column is mapped to a name or e-mail (firstName, lastName, fullName or email)',
    );
    const short = await put(id, ['fullName']);
    expect(short.statusCode).toBe(400);
    expect(short.json().detail).toMatch(/the file has 4 columns; give one field for each, not 1/);
    const unknown = await ada.call('PUT', `/api/v1/imports/${id}/mapping`, { fields: ['fullName', 'shoe'] });
    expect(unknown.statusCode).toBe(400);
    expect(await allTableCounts(store)).toEqual(before);
    await discard(id);
  });

  it('names the unknown column or field of ?map, and refuses a mapping for other formats', async () => {
    const before = await allTableCounts(store);
    const column = await upload(t.app, ada, file, { map: 'Vorname=firstName' });
    expect(column.statusCode).toBe(400);
    expect(column.json().detail).toMatch(
      /^map: column 'Vorname' is not in this file's header \(it has 'Name', 'Kontakt', 'Geburtstag', 'Notiz'\)$/,
    );
    const field = await upload(t.app, ada, file, { map: 'Name=nickname' });
    expect(field.statusCode).toBe(400);
    expect(field.json().detail).toMatch(
      /'nickname' \(for column 'Name'\) is not a field; use one of firstName/,
    );
    const vcard = await upload(t.app, ada, fixtureBytes('vcard40.vcf'), { map: 'FN=fullName' });
    expect(vcard.statusCode).toBe(400);
    expect(vcard.json().detail).toMatch(/only a generic CSV takes a mapping/);
    expect(await allTableCounts(store)).toEqual(before);
  });

  it("keeps another account's preview out of reach", async () => {
    const res = await upload(t.app, ada, file);
    const bob = await signUp(t.app, 'bob@example.com');
    const other = await bob.call('PUT', `/api/v1/imports/${res.json<ImportRun>().id}/mapping`, {
      fields: ['fullName', 'email', 'ignore', 'ignore'],
    });
    expect(other.statusCode).toBe(404);
    await discard(res.json<ImportRun>().id);
  });
});
