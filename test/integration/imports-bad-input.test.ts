import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureBytes } from '../fixtures/imports/fixture';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';
import { allTableCounts, linkedInCsv, upload } from './imports-helpers';

describe.each(dialects)('imports with bad input on %s', (dialect) => {
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

  /** Uploads, expects a 400 with `detail` matching, and that no table changed. */
  async function refused(body: string | Buffer, detail: RegExp) {
    const before = await allTableCounts(store);
    const res = await upload(t.app, ada, body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toMatch(detail);
    expect(await allTableCounts(store)).toEqual(before);
  }

  it('refuses an empty file, a binary file and an unknown CSV, storing nothing', async () => {
    await refused(fixtureBytes('empty.csv'), /^The file is empty\.$/);
    await refused(Buffer.from('\uFEFF'), /^The file is empty\.$/);
    await refused(fixtureBytes('binary.bin'), /looks binary/);
    await refused(fixtureBytes('not-contacts.csv'), /Unrecognised file \(it starts with "Date,Amount,Payee/);
    // A CSV whose header names no name or e-mail column, whatever its delimiter.
    await refused(Buffer.from('Datum|Betrag|Empfänger\n2024-01-01|12,50|Café\n'), /Unrecognised/);
  });

  it('reads a pipe-separated export: the pipe is one of the delimiters every CSV reader detects', async () => {
    const res = await upload(
      t.app,
      ada,
      'First Name|Last Name|URL|Connected On\nAda|Lovelace||12 Mar 2024\n',
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().format).toBe('linkedin');
    expect(res.json().sample[0].name).toBe('Ada Lovelace');
    const sheet = await upload(t.app, ada, 'Name|Mail\nMira Falk|mira@example.com\n');
    expect(sheet.json().format).toBe('generic');
    expect(sheet.json().sample[0].contact.emails).toEqual([{ value: 'mira@example.com' }]);
    expect((await ada.call('DELETE', `/api/v1/imports/${sheet.json().id}`)).statusCode).toBe(204);
    expect((await ada.call('DELETE', `/api/v1/imports/${res.json().id}`)).statusCode).toBe(204);
  });

  it('refuses a file whose rows use another delimiter than its header, and one with only a header', async () => {
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
    await refused(
      Buffer.from(
        `${header}Ada;Lovelace;;ada@example.com;Engines;;12 Mar 2024\nAlan;Turing;;;;;1 Feb 2023\n`,
      ),
      /No contact could be read from this LinkedIn Connections CSV: all 2 rows have errors.*another delimiter/,
    );
    await refused(Buffer.from(header), /has the header of a LinkedIn Connections CSV but no contacts/);
  });

  it('says the actual cause of a whole-file refusal: no delimiter hint for vCards, empty rows counted', async () => {
    const nameless = 'BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:x@example.com\r\nEND:VCARD\r\n';
    const before = await allTableCounts(store);
    const res = await upload(t.app, ada, nameless, { type: 'text/vcard' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe(
      'No contact could be read from this vCard: all 1 rows have errors (the first: card at line 1: no name (N and FN are empty)).',
    );
    expect(await allTableCounts(store)).toEqual(before);
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
    await refused(
      Buffer.from(`${header},,,,,,08 Nov 2025\n,,,,,,09 Nov 2025\n`),
      /^The LinkedIn Connections CSV has 2 rows but none with a name, an e-mail or a link in it\.$/,
    );
  });

  it('keeps the other cards of a truncated vCard file', async () => {
    const res = await upload(t.app, ada, fixtureBytes('truncated.vcf'), { type: 'text/vcard' });
    expect(res.statusCode).toBe(201);
    const run = res.json();
    expect(run.counts.new).toBeGreaterThanOrEqual(1);
    const rows = run.sample.map((r: { line: number; status: string; name: string; error: string | null }) => [
      r.line,
      r.status,
      r.error ?? r.name,
    ]);
    expect(rows).toContainEqual([1, 'new', 'First One']);
    expect(rows).toContainEqual([6, 'error', 'card at line 6: no END:VCARD before the next BEGIN:VCARD']);
    expect(rows).toContainEqual([15, 'error', 'card at line 15: the file ends before END:VCARD']);
    const commit = await ada.call('POST', `/api/v1/imports/${run.id}/commit`, {});
    expect(commit.json().result.created).toBe(run.counts.new);
  });

  it('turns a 10,000-column row into that row’s error and reads the others', async () => {
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
    const text = [
      header,
      'Ada,Lovelace,,,,,12 Mar 2024',
      Array(10_000).fill('x').join(','),
      'Alan,Turing,,,,,1 Feb 2023',
    ].join('\n');
    const run = (await upload(t.app, ada, text)).json();
    expect(run.counts).toMatchObject({
      new: 2,
      duplicate: 0,
      merge: 0,
      conflict: 0,
      error: 1,
      total: 3,
      warnings: 0,
    });
    expect(run.sample[1]).toMatchObject({ line: 3, status: 'error', error: 'row 3: more than 500 columns' });
  });

  it('stores markup in names as the plain text it is', async () => {
    const run = (await upload(t.app, ada, fixtureBytes('vcard40.vcf'), { type: 'text/vcard' })).json();
    await ada.call('POST', `/api/v1/imports/${run.id}/commit`, {});
    const list = (await ada.call('GET', '/api/v1/contacts?q=script')).json().items;
    expect(list.map((c: { displayName: string }) => c.displayName)).toEqual([
      "<script>alert('x')</script> Smith",
    ]);
  });

  it('answers 413 to a body over 60 MB, with or without a Content-Length, and stores nothing', async () => {
    const before = await allTableCounts(store);
    const big = Buffer.alloc(60 * 1024 * 1024 + 1, 'a');
    big.write('First Name,Last Name,URL,Connected On\n');
    const declared = await upload(t.app, ada, big);
    expect(declared.statusCode).toBe(413);
    expect(declared.json()).toMatchObject({ status: 413, title: 'Payload too large' });

    // Streamed in chunks without a length: the route counts the bytes as they arrive. (One endless
    // line keeps the test fast: it is cut at 4 MB and produces no rows, but every byte is counted.)
    const header = Buffer.from('First Name,Last Name,URL,Email Address,Company,Position,Connected On\n');
    const junk = Buffer.alloc(1024 * 1024, 'x');
    function* chunks() {
      yield header;
      for (let sent = 0; sent <= 61 * 1024 * 1024; sent += junk.length) yield junk;
    }
    const streamed = await upload(t.app, ada, Readable.from(chunks()));
    expect(streamed.statusCode).toBe(413);
    expect(await allTableCounts(store)).toEqual(before);
  });

  it('fails a commit whose matched contact was deleted after the preview, and changes nothing', async () => {
    const grace = (
      await ada.call('POST', '/api/v1/contacts', {
        firstName: 'Grace',
        lastName: 'Hopper',
        emails: [{ value: 'grace@navy.mil' }],
      })
    ).json();
    const file = linkedInCsv([
      ['Ada', 'Lovelace', '', 'ada@example.com', 'Engines', 'Analyst', '12 Mar 2024'],
      ['Grace', 'Hopper', '', 'grace@navy.mil', 'Navy', 'Admiral', '1 Feb 2023'],
      ['Alan', 'Turing', '', 'alan@example.com', 'Bletchley', '', '12 Mar 2024'],
    ]);
    const run = (await upload(t.app, ada, file)).json();
    expect(run.counts).toMatchObject({ new: 2, merge: 1 });
    expect((await ada.call('DELETE', `/api/v1/contacts/${grace.id}`)).statusCode).toBe(204);

    const before = await allTableCounts(store);
    const res = await ada.call('POST', `/api/v1/imports/${run.id}/commit`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe(
      'row 6 (Grace Hopper) matched a contact that has been deleted since the preview; nothing was imported. Upload the file again for a fresh preview.',
    );
    expect(await allTableCounts(store)).toEqual(before);
    expect((await ada.call('GET', `/api/v1/imports/${run.id}`)).json().status).toBe('preview');
    // Choosing to create that row instead works on the same preview.
    const retry = await ada.call('POST', `/api/v1/imports/${run.id}/commit`, {
      defaults: { merge: 'create' },
    });
    expect(retry.json().result).toEqual({ created: 3, merged: 0, skipped: 0, lifeEvents: 0 });
  });

  it('validates the commit body and the rows query', async () => {
    const run = (await upload(t.app, ada, fixtureBytes('linkedin-connections.csv'))).json();
    const bad = await ada.call('POST', `/api/v1/imports/${run.id}/commit`, { defaults: { merge: 'maybe' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('defaults.merge');
    const errorRow = await ada.call('POST', `/api/v1/imports/${run.id}/commit`, { rows: { '9': 'create' } });
    expect(errorRow.json().errors).toEqual([
      { field: 'rows.9', message: 'row 9 could not be read, so it cannot be imported' },
    ]);
    expect((await ada.call('GET', `/api/v1/imports/${run.id}/rows?cursor=abc`)).statusCode).toBe(400);
    expect((await ada.call('GET', `/api/v1/imports/${run.id}/rows?status=maybe`)).statusCode).toBe(400);
    // Any text type a client may send for a .csv is read; a JSON body is not a file.
    const csv = 'First Name,Last Name,URL,Connected On\nAda,Lovelace,,12 Mar 2024\n';
    for (const type of ['text/csv; charset=utf-8', 'text/plain', 'application/vnd.ms-excel'])
      expect((await upload(t.app, ada, csv, { type })).statusCode, type).toBe(201);
    expect((await upload(t.app, ada, csv, { type: 'application/x-www-form-urlencoded' })).statusCode).toBe(
      415,
    );
    const json = await ada.call('POST', '/api/v1/imports', { file: 'x' });
    // Refused before the body is read, so a large JSON body costs nothing.
    expect(json.statusCode).toBe(415);
    expect(json.json().errors[0].field).toBe('content-type');
    expect((await ada.call('GET', '/api/v1/imports/00000000-0000-7000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });
});
