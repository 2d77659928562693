import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FAILURES } from '../../src/dav/login';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { card, type DavCaller, davCaller, davToken } from '../helpers/dav-client';
import { dialects, freshStore } from '../helpers/stores';

const XXE = `<?xml version="1.0"?>
<!DOCTYPE propfind [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<propfind xmlns="DAV:"><prop><displayname>&xxe;</displayname></prop></propfind>`;
const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<propfind xmlns="DAV:"><prop><displayname>&lol3;</displayname></prop></propfind>`;

describe.each(dialects)('CardDAV hostile input on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;
  let dav: DavCaller;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
    dav = davCaller(t.app, 'ada@example.com', await davToken(t.app, ada.token), ada.accountId);
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  it('refuses malformed XML with 400 and says where', async () => {
    const res = await dav.req('PROPFIND', dav.book, '<propfind xmlns="DAV:"><prop><getetag></prop>', {
      depth: '0',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/malformed XML at line 1/);
    const undeclared = await dav.req('PROPFIND', dav.book, '<x:propfind><x:prop/></x:propfind>', {
      depth: '0',
    });
    expect(undeclared.statusCode).toBe(400);
    const notPropfind = await dav.req('PROPFIND', dav.book, '<foo xmlns="DAV:"/>', { depth: '0' });
    expect(notPropfind.statusCode).toBe(400);
  });

  it('refuses XXE and billion-laughs payloads before parsing, in PROPFIND and REPORT', async () => {
    for (const body of [XXE, LAUGHS]) {
      const pf = await dav.req('PROPFIND', dav.book, body, { depth: '0' });
      expect(pf.statusCode).toBe(400);
      expect(pf.body).toContain('DOCTYPE');
      expect(pf.body).not.toContain('root:');
      const rep = await dav.req('REPORT', dav.book, body);
      expect(rep.statusCode).toBe(400);
    }
  });

  it('refuses Depth infinity with DAV:propfind-finite-depth (RFC 4918 §9.1)', async () => {
    for (const depth of ['infinity', undefined]) {
      const res = await t.app.inject({
        method: 'PROPFIND' as 'GET',
        url: dav.book,
        headers: { authorization: dav.auth, ...(depth && { depth }) },
        payload: '<propfind xmlns="DAV:"><allprop/></propfind>',
      });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('<d:propfind-finite-depth/>');
    }
  });

  it('refuses a malformed CalDAV time-range with CALDAV:valid-filter (RFC 4791 §9.9)', async () => {
    const calendar = `/dav/calendars/${ada.accountId}/tend/`;
    const query = (range: string) =>
      `<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/></d:prop>
<c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">${range}</c:comp-filter></c:comp-filter></c:filter>
</c:calendar-query>`;
    for (const range of [
      '<c:time-range start="2026-03-01"/>',
      '<c:time-range/>',
      '<c:time-range start="20260301T000000Z" end="20260201T000000Z"/>',
    ]) {
      const res = await dav.req('REPORT', calendar, query(range), { depth: '1' });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('valid-filter');
    }
    const ok = await dav.req('REPORT', calendar, query('<c:time-range start="20260301T000000Z"/>'), {
      depth: '1',
    });
    expect(ok.statusCode).toBe(207);
  });

  it('refuses a 10 MB card with 413 and keeps nothing of it', async () => {
    const huge = card('huge', ['FN:Huge Card', `NOTE:${'x'.repeat(10 * 1024 * 1024)}`]);
    const res = await dav.put('huge.vcf', huge);
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('max-resource-size');
    expect((await ada.call('GET', '/api/v1/contacts')).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it("answers 404 for another account's URLs, for reads and writes alike", async () => {
    const bob = await signUp(t.app, 'bob@example.com', 'Bob');
    const bobDav = davCaller(t.app, 'bob@example.com', await davToken(t.app, bob.token), bob.accountId);
    expect((await bobDav.put('b.vcf', card('b', ['FN:Bob Secret']))).statusCode).toBe(201);
    for (const [method, url, body] of [
      ['PROPFIND', bobDav.book, undefined],
      ['PROPFIND', `/dav/principals/${bob.accountId}/`, undefined],
      ['GET', `${bobDav.book}b.vcf`, undefined],
      ['PUT', `${bobDav.book}b.vcf`, card('b', ['FN:Overwritten'])],
      ['DELETE', `${bobDav.book}b.vcf`, undefined],
      [
        'REPORT',
        bobDav.book,
        '<d:sync-collection xmlns:d="DAV:"><d:sync-token/><d:prop/></d:sync-collection>',
      ],
    ] as const) {
      const res = await dav.req(method, url, body, { depth: '0', 'content-type': 'text/vcard' });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // Ada's multiget naming Bob's card finds nothing either.
    const multi = await dav.req(
      'REPORT',
      dav.book,
      `<C:addressbook-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:prop><C:address-data/></D:prop><D:href>${bobDav.book}b.vcf</D:href></C:addressbook-multiget>`,
    );
    expect(multi.body).not.toContain('Bob Secret');
    expect((await bobDav.req('GET', `${bobDav.book}b.vcf`)).body).toContain('FN:Bob Secret');
  });

  it('answers 401 to a wrong password, and 429 once they repeat', async () => {
    const wrong = davCaller(t.app, 'ada@example.com', 'tend_not-the-token', ada.accountId);
    const first = await wrong.req('PROPFIND', wrong.book, undefined, { depth: '0' });
    expect(first.statusCode).toBe(401);
    expect(first.headers['www-authenticate']).toMatch(/^Basic realm="Tend"/);
    const none = await t.app.inject({ method: 'PROPFIND' as 'GET', url: dav.book, headers: { depth: '0' } });
    expect(none.statusCode).toBe(401);
    // Another user's valid token with Ada's e-mail is wrong too.
    const bob = await signUp(t.app, 'bob@example.com', 'Bob');
    const mixed = davCaller(t.app, 'ada@example.com', await davToken(t.app, bob.token), ada.accountId);
    expect((await mixed.req('PROPFIND', mixed.book, undefined, { depth: '0' })).statusCode).toBe(401);
    // A token without the dav scope is no app password.
    const rest = davCaller(
      t.app,
      'ada@example.com',
      await davToken(t.app, ada.token, ['write']),
      ada.accountId,
    );
    expect((await rest.req('PROPFIND', rest.book, undefined, { depth: '0' })).statusCode).toBe(401);
    for (let i = 3; i < MAX_FAILURES; i++) await wrong.req('PROPFIND', wrong.book, undefined, { depth: '0' });
    const limited = await wrong.req('PROPFIND', wrong.book, undefined, { depth: '0' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits out the window from that address…
    expect((await dav.req('PROPFIND', dav.book, undefined, { depth: '0' })).statusCode).toBe(429);
    // …which ends.
    t.deps.clock.set('2026-03-10T09:02:00.000Z');
    expect((await dav.req('PROPFIND', dav.book, undefined, { depth: '0' })).statusCode).toBe(207);
    // A revoked token stops working.
    const tokens = (await ada.call('GET', '/api/v1/tokens')).json<{ items: { id: string; name: string }[] }>()
      .items;
    for (const tok of tokens.filter((x) => x.name === 'phone'))
      await ada.call('DELETE', `/api/v1/tokens/${tok.id}`);
    expect((await dav.req('PROPFIND', dav.book, undefined, { depth: '0' })).statusCode).toBe(401);
  });

  it('refuses a PUT that is not a vCard, and names a card path that cannot exist', async () => {
    const json = await dav.put('a.vcf', '{"hello":1}', { 'content-type': 'application/json' });
    expect(json.statusCode).toBe(403);
    const text = await dav.put('a.vcf', 'just text');
    expect(text.statusCode).toBe(403);
    expect(text.body).toContain('valid-address-data');
    const two = await dav.put('a.vcf', card('a', ['FN:A B']) + card('c', ['FN:C D']));
    expect(two.statusCode).toBe(403);
    expect(two.body).toContain('more than one card');
    expect((await dav.req('GET', `${dav.book}..%2F..%2Fx`)).statusCode).toBe(404);
  });
});
