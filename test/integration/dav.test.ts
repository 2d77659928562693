import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { card, type DavCaller, davCaller } from '../helpers/dav-client';
import { dialects, freshStore } from '../helpers/stores';

interface ContactDto {
  id: string;
  firstName: string;
  lastName: string;
  company: string | null;
  title: string | null;
  city: string | null;
  country: string | null;
  circleId: string | null;
  tracked: boolean;
  emails: { value: string; label: string | null }[];
  phones: { value: string; label: string | null }[];
  links: { kind: string; url: string }[];
  tags: string[];
}

const RICH = card('rich-1', [
  'FN:Katherine Johnson',
  'N:Johnson;Katherine;;;',
  'item1.EMAIL;TYPE=INTERNET,pref:kj@nasa.gov',
  'item1.X-ABLABEL:_$!<Work>!$_',
  'TEL;TYPE=CELL,VOICE:+1 757 555 0100',
  'ORG:NASA;Flight Research',
  'TITLE:Mathematician',
  'ADR;TYPE=HOME:;;1 Langley Blvd;Hampton;VA;23681;USA',
  'URL:https://www.nasa.gov/people/katherine',
  'BDAY:1918-08-26',
  'X-ANNIVERSARY:1939-11-30',
  'NOTE:Computed the trajectory\\nfor Friendship 7',
  'CATEGORIES:Mentors,space,maths',
  'IMPP;X-SERVICE-TYPE=Skype:skype:kjohnson',
  'X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/kj',
  'X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Kathy;1;;;;;;;;;;;;;',
  'item2.X-ABRELATEDNAMES:James Johnson',
  'item2.X-ABLABEL:_$!<Spouse>!$_',
  'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0a',
  ' HBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAA',
]);

describe.each(dialects)('CardDAV server on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;
  let dav: DavCaller;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
    dav = davCaller(t.app, 'ada@example.com', ada.token, ada.accountId);
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  const contacts = async () =>
    (await ada.call('GET', '/api/v1/contacts?limit=100')).json<{ items: ContactDto[] }>().items;
  const tick = (iso: string) => t.deps.clock.set(iso);

  it('answers discovery from the well-known URL to the address book (RFC 6764, RFC 6352 §7)', async () => {
    const wk = await t.app.inject({ method: 'PROPFIND' as 'GET', url: '/.well-known/carddav' });
    expect(wk.statusCode).toBe(301);
    expect(wk.headers.location).toBe('/dav/');
    const root = await dav.req(
      'PROPFIND',
      '/dav/',
      '<propfind xmlns="DAV:"><prop><current-user-principal/></prop></propfind>',
      { depth: '0' },
    );
    expect(root.statusCode).toBe(207);
    expect(root.body).toContain(`<d:href>/dav/principals/${ada.accountId}/</d:href>`);
    const principal = await dav.req(
      'PROPFIND',
      `/dav/principals/${ada.accountId}/`,
      '<propfind xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><prop><C:addressbook-home-set/><displayname/></prop></propfind>',
      { depth: '0' },
    );
    expect(principal.body).toContain(
      `<card:addressbook-home-set><d:href>/dav/addressbooks/${ada.accountId}/</d:href>`,
    );
    const home = await dav.req(
      'PROPFIND',
      `/dav/addressbooks/${ada.accountId}/`,
      '<propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>',
      { depth: '1' },
    );
    expect(home.body).toContain(
      `<d:href>${dav.book}</d:href><d:propstat><d:prop><d:resourcetype><d:collection/><card:addressbook/>`,
    );
    const options = await t.app.inject({ method: 'OPTIONS', url: dav.book });
    expect(options.headers.dav).toContain('addressbook');
    expect(options.headers.allow).toContain('REPORT');
  });

  it('turns a new card into a contact, keeps its bytes, and reads every modelled field', async () => {
    const res = await dav.put('rich-1.vcf', RICH, { 'if-none-match': '*' });
    expect(res.statusCode, res.body).toBe(201);
    const [c] = await contacts();
    expect(c).toMatchObject({
      firstName: 'Katherine',
      lastName: 'Johnson',
      company: 'NASA',
      title: 'Mathematician',
      city: 'Hampton',
      country: 'USA',
      tracked: false,
      emails: [{ value: 'kj@nasa.gov', label: 'work' }],
      phones: [{ value: '+1 757 555 0100', label: 'mobile' }],
      tags: ['maths', 'space'],
    });
    const circles = (await ada.call('GET', '/api/v1/circles')).json<{
      items: { id: string; name: string }[];
    }>();
    expect(c!.circleId).toBe(circles.items.find((x) => x.name === 'Mentors')!.id);
    expect(c!.links.map((l) => l.url)).toEqual([
      'https://www.nasa.gov/people/katherine',
      'https://twitter.com/kj',
    ]);
    const dates = (await ada.call('GET', `/api/v1/contacts/${c!.id}/dates`)).json<{
      items: { kind: string; month: number; day: number; year: number | null }[];
    }>();
    expect(dates.items.map((d) => [d.kind, d.year, d.month, d.day]).sort()).toEqual([
      ['birthday', 1918, 8, 26],
      ['personal_anniversary', 1939, 11, 30],
    ]);
    const notes = (await ada.call('GET', `/api/v1/contacts/${c!.id}/notes`)).json<{
      items: { body: string }[];
    }>();
    expect(notes.items.map((n) => n.body)).toEqual(['Computed the trajectory\nfor Friendship 7']);
    // Its search text and schedule followed: found by e-mail and by note.
    const found = (await ada.call('GET', '/api/v1/contacts?q=friendship')).json<{ items: ContactDto[] }>();
    expect(found.items).toHaveLength(1);
    // The client reads back exactly what it wrote, under the ETag the PUT returned.
    const get = await dav.req('GET', `${dav.book}rich-1.vcf`);
    expect(get.body).toBe(RICH);
    expect(get.headers.etag).toBe(res.headers.etag);
  });

  it('writes a Tend edit around the client lines it does not model, byte-for-byte', async () => {
    await dav.put('rich-1.vcf', RICH);
    const [c] = await contacts();
    tick('2026-03-10T10:00:00.000Z');
    await ada.call('PATCH', `/api/v1/contacts/${c!.id}`, { title: 'Research mathematician' });
    const body = (await dav.req('GET', `${dav.book}rich-1.vcf`)).body;
    expect(body).toContain('TITLE:Research mathematician\r\n');
    for (const line of RICH.split('\r\n').filter((l) => l && !l.startsWith('TITLE')))
      expect(body, `line kept: ${line}`).toContain(`${line}\r\n`);
  });

  it('refuses a stale edit with 412 and leaves the contact as it was', async () => {
    const created = await dav.put('rich-1.vcf', RICH);
    const etag = created.headers.etag as string;
    const edited = RICH.replace('TITLE:Mathematician', 'TITLE:Engineer');
    const stale = await dav.put('rich-1.vcf', edited, { 'if-match': '"not-the-etag"' });
    expect(stale.statusCode).toBe(412);
    const exists = await dav.put('rich-1.vcf', edited, { 'if-none-match': '*' });
    expect(exists.statusCode).toBe(412);
    expect((await contacts())[0]!.title).toBe('Mathematician');
    const ok = await dav.put('rich-1.vcf', edited, { 'if-match': etag });
    expect(ok.statusCode).toBe(204);
    expect((await contacts())[0]!.title).toBe('Engineer');
    // The old ETag is now stale too.
    expect((await dav.put('rich-1.vcf', RICH, { 'if-match': etag })).statusCode).toBe(412);
  });

  it('a failed PUT leaves the database as before and names what was wrong', async () => {
    await dav.put('rich-1.vcf', RICH);
    const before = await contacts();
    const { token } = await dav.sync('');
    const bad = await dav.put('rich-1.vcf', RICH.replace('kj@nasa.gov', 'not an address'));
    expect(bad.statusCode).toBe(403);
    expect(bad.body).toContain('valid-address-data');
    expect(bad.body).toContain('emails.0.value');
    const noName = await dav.put('x.vcf', card('x', ['EMAIL:a@b.c']));
    expect(noName.statusCode).toBe(403);
    expect(noName.body).toContain('no name');
    const badDate = await dav.put('y.vcf', card('y', ['FN:Y Z', 'BDAY:2023-02-30']));
    expect(badDate.statusCode).toBe(403);
    expect(await contacts()).toEqual(before);
    expect((await dav.sync(token)).changed).toEqual([]);
  });

  it('refuses a second card with the same UID (RFC 6352 no-uid-conflict)', async () => {
    await dav.put('rich-1.vcf', RICH);
    const res = await dav.put('other.vcf', RICH);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('no-uid-conflict');
  });

  it('reports every change in sync-collection exactly once, deletes as 404 (RFC 6578)', async () => {
    const grace = (
      await ada.call('POST', '/api/v1/contacts', { firstName: 'Grace', lastName: 'Hopper' })
    ).json<{
      id: string;
    }>().id;
    const first = await dav.sync('');
    expect(first.changed).toEqual([`${grace}.vcf`]);
    expect((await dav.sync(first.token)).changed).toEqual([]);
    tick('2026-03-10T10:00:00.000Z');
    await ada.call('PATCH', `/api/v1/contacts/${grace}`, { title: 'Admiral' });
    tick('2026-03-10T10:01:00.000Z');
    await ada.call('PATCH', `/api/v1/contacts/${grace}`, { title: 'Rear Admiral' });
    await dav.put('rich-1.vcf', RICH);
    const second = await dav.sync(first.token);
    expect(second.changed.sort()).toEqual([`${grace}.vcf`, 'rich-1.vcf']);
    await ada.call('DELETE', `/api/v1/contacts/${grace}`);
    const etag = (await dav.req('GET', `${dav.book}rich-1.vcf`)).headers.etag as string;
    expect(
      (await dav.req('DELETE', `${dav.book}rich-1.vcf`, undefined, { 'if-match': etag })).statusCode,
    ).toBe(204);
    const third = await dav.sync(second.token);
    expect(third.changed).toEqual([]);
    expect(third.deleted.sort()).toEqual([`${grace}.vcf`, 'rich-1.vcf']);
    expect(await contacts()).toEqual([]);
    expect((await dav.sync(third.token)).deleted).toEqual([]);
    // Tokens we never issued are refused with the RFC 6578 precondition.
    const wrong = await dav.req(
      'REPORT',
      dav.book,
      '<d:sync-collection xmlns:d="DAV:"><d:sync-token>urn:x-tend:sync:999</d:sync-token><d:prop/></d:sync-collection>',
    );
    expect(wrong.statusCode).toBe(403);
    expect(wrong.body).toContain('valid-sync-token');
  });

  it('untracks instead of deleting when the account chose so', async () => {
    expect((await ada.call('PUT', '/api/v1/dav/settings', { deleteMode: 'untrack' })).statusCode).toBe(200);
    await dav.put('rich-1.vcf', RICH);
    const { token } = await dav.sync('');
    tick('2026-03-10T10:00:00.000Z');
    expect((await dav.req('DELETE', `${dav.book}rich-1.vcf`)).statusCode).toBe(204);
    const [c] = await contacts();
    expect(c).toMatchObject({ firstName: 'Katherine', tracked: false });
    const after = await dav.sync(token);
    expect(after.deleted).toEqual(['rich-1.vcf']);
    expect((await dav.sync(after.token)).changed).toEqual([]);
  });

  it('serves addressbook-multiget and addressbook-query', async () => {
    await dav.put('rich-1.vcf', RICH);
    await dav.put('b.vcf', card('b', ['FN:Alan Turing', 'N:Turing;Alan;;;', 'EMAIL:alan@bletchley.uk']));
    const multi = await dav.req(
      'REPORT',
      dav.book,
      `<C:addressbook-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:prop><D:getetag/><C:address-data/></D:prop><D:href>${dav.book}b.vcf</D:href><D:href>${dav.book}missing.vcf</D:href></C:addressbook-multiget>`,
    );
    expect(multi.statusCode).toBe(207);
    expect(multi.body).toContain('FN:Alan Turing&#13;\n');
    expect(multi.body).toMatch(/missing\.vcf<\/d:href><d:status>HTTP\/1.1 404/);
    const query = await dav.req(
      'REPORT',
      dav.book,
      '<C:addressbook-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:prop><D:getetag/></D:prop><C:filter><C:prop-filter name="EMAIL"><C:text-match match-type="ends-with">@BLETCHLEY.UK</C:text-match></C:prop-filter></C:filter></C:addressbook-query>',
    );
    expect(query.body).toContain('b.vcf');
    expect(query.body).not.toContain('rich-1.vcf');
  });
});
