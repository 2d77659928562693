import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

const fields = (res: { json: () => { errors?: { field: string }[] } }) =>
  (res.json().errors ?? []).map((e) => e.field);

describe.each(dialects)('resource library (F13) on %s', (dialect) => {
  let store: TestStore;
  let t: TestApp;
  let ada: Caller;
  let grace: string;
  let linus: string;
  let nobody: string;

  const contact = async (body: object) =>
    (await ada.call('POST', '/api/v1/contacts', body)).json().id as string;
  const fact = (id: string, kind: string, value: string) =>
    ada.call('POST', `/api/v1/contacts/${id}/facts`, { kind, value });
  const resource = async (body: object) => {
    const res = await ada.call('POST', '/api/v1/resources', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; title: string; tags: string[] };
  };

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
    grace = await contact({ firstName: 'Grace', lastName: 'Hopper' });
    linus = await contact({ firstName: 'Linus', lastName: 'Torvalds', industry: 'Operating systems' });
    nobody = await contact({ firstName: 'Nobody', lastName: 'Here' });
    await fact(grace, 'working_on', 'a Rust compiler');
    await fact(nobody, 'family', 'Rust the dog');
    await ada.call('POST', `/api/v1/contacts/${linus}/interactions`, {
      channel: 'call',
      direction: 'inbound',
      summary: 'kernel talk',
      topics: ['Rust in the kernel'],
      occurredAt: '2026-01-05T10:00:00Z',
    });
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  it('creates, lists, filters, edits and deletes resources with their tags', async () => {
    const a = await resource({
      kind: 'article',
      title: 'Writing compilers in Rust',
      url: 'https://example.com/rust',
      tags: ['Rust', 'compilers', 'rust'],
    });
    expect(a).toMatchObject({ kind: 'article', note: '', tags: ['Rust', 'compilers'] });
    t.deps.clock.set('2026-03-10T10:00:00Z');
    const b = await resource({ kind: 'job_opening', title: 'Staff engineer at Acme', tags: ['hiring'] });
    expect(b).toMatchObject({ url: null });
    const list = async (q = '') =>
      (await ada.call('GET', `/api/v1/resources${q}`)).json().items.map((r: { id: string }) => r.id);
    expect(await list()).toEqual([b.id, a.id]);
    expect(await list('?kind=article')).toEqual([a.id]);
    expect(await list('?tag=RUST')).toEqual([a.id]);
    expect(await list('?limit=1')).toEqual([b.id]);
    const patched = await ada.call('PATCH', `/api/v1/resources/${a.id}`, { tags: ['llvm'], note: 'good' });
    expect(patched.json()).toMatchObject({
      title: 'Writing compilers in Rust',
      tags: ['llvm'],
      note: 'good',
    });
    expect((await ada.call('GET', `/api/v1/resources/${a.id}`)).json().tags).toEqual(['llvm']);
    expect((await ada.call('DELETE', `/api/v1/resources/${a.id}`)).statusCode).toBe(204);
    expect((await ada.call('DELETE', `/api/v1/resources/${a.id}`)).statusCode).toBe(404);
    expect(await list()).toEqual([b.id]);
  });

  it('refuses bad input with the field named, and changes nothing', async () => {
    const bad: [object, string][] = [
      [{ kind: 'podcast', title: 'x' }, 'kind'],
      [{ kind: 'article', title: '  ' }, 'title'],
      [{ kind: 'article', title: 'x', url: 'javascript:alert(1)' }, 'url'],
      [{ kind: 'article', title: 'x', url: 'not a url' }, 'url'],
      [{ kind: 'article', title: 'x', tags: [''] }, 'tags.0'],
      [{ kind: 'article', title: 'x', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
    ];
    for (const [body, field] of bad) {
      const res = await ada.call('POST', '/api/v1/resources', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fields(res), JSON.stringify(body)).toContain(field);
    }
    expect((await ada.call('GET', '/api/v1/resources')).json().items).toEqual([]);
    const r = await resource({ kind: 'tool', title: 'ok' });
    expect(fields(await ada.call('PATCH', `/api/v1/resources/${r.id}`, { title: '' }))).toContain('title');
    expect(fields(await ada.call('GET', '/api/v1/resources?kind=nope'))).toContain('kind');
    const share = await ada.call('POST', `/api/v1/resources/${r.id}/share`, {
      contactId: grace,
      channel: 'fax',
    });
    expect(fields(share)).toContain('channel');
  });

  it('ranks the contacts a resource fits, with the words that matched', async () => {
    const r = await resource({ kind: 'article', title: 'Writing compilers in Rust', tags: ['rust'] });
    const res = await ada.call('GET', `/api/v1/resources/${r.id}/matches`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { contactId: grace, name: 'Grace Hopper', score: 12, matched: ['rust', 'compilers'], shared: false },
      { contactId: linus, name: 'Linus Torvalds', score: 4, matched: ['rust'], shared: false },
    ]);
    // A family fact (Rust the dog) is not an interest: Nobody is not matched.
    const os = await resource({ kind: 'event', title: 'Operating systems meetup', tags: [] });
    expect((await ada.call('GET', `/api/v1/resources/${os.id}/matches`)).json().items).toMatchObject([
      { contactId: linus, matched: ['operating', 'systems'] },
    ]);
  });

  it('lists the resources that fit a contact, and forgets topics older than a year', async () => {
    const r1 = await resource({ kind: 'article', title: 'Rust tips', tags: [] });
    await resource({ kind: 'article', title: 'Knitting', tags: ['wool'] });
    const items = (await ada.call('GET', `/api/v1/contacts/${linus}/resources`)).json().items;
    expect(items).toMatchObject([{ resource: { id: r1.id }, matched: ['rust'], shared: false }]);
    t.deps.clock.set('2027-01-06T10:00:00Z');
    expect((await ada.call('GET', `/api/v1/contacts/${linus}/resources`)).json().items).toEqual([]);
    expect((await ada.call('GET', '/api/v1/contacts/nope/resources')).statusCode).toBe(404);
  });

  it('records a share as an outbound interaction and a give in the ledger, in one go', async () => {
    const r = await resource({
      kind: 'article',
      title: 'Writing compilers in Rust',
      url: 'https://example.com/rust',
      tags: ['rust', 'compilers'],
    });
    const res = await ada.call('POST', `/api/v1/resources/${r.id}/share`, {
      contactId: grace,
      channel: 'email',
    });
    expect(res.statusCode, res.body).toBe(201);
    const shared = res.json();
    expect(shared.interaction).toMatchObject({
      contactId: grace,
      channel: 'email',
      direction: 'outbound',
      summary: 'Shared: Writing compilers in Rust',
      topics: ['rust', 'compilers'],
      occurredAt: '2026-03-10T09:00:00.000Z',
    });
    expect(shared.ledgerEntryId).toEqual(expect.any(String));
    const timeline = (await ada.call('GET', `/api/v1/contacts/${grace}/interactions`)).json().items;
    expect(timeline.map((i: { id: string }) => i.id)).toEqual([shared.interaction.id]);
    const ledger = (
      await store.db.selectFrom('ledger_entries').selectAll().where('id', '=', shared.ledgerEntryId).execute()
    )[0];
    expect(ledger).toMatchObject({ contact_id: grace, kind: 'resource_shared', occurred_on: '2026-03-10' });
    expect((await ada.call('GET', `/api/v1/contacts/${grace}`)).json().lastInteractionAt).toBe(
      '2026-03-10T09:00:00.000Z',
    );
    const matches = (await ada.call('GET', `/api/v1/resources/${r.id}/matches`)).json().items;
    expect(matches.find((m: { contactId: string }) => m.contactId === grace).shared).toBe(true);
  });

  it('a failed share writes nothing', async () => {
    const r = await resource({ kind: 'article', title: 'Rust', tags: ['rust'] });
    const bad = await ada.call('POST', `/api/v1/resources/${r.id}/share`, {
      contactId: 'nope',
      channel: 'email',
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toContain('contactId');
    // A ledger row that cannot be written (a clashing id) rolls the interaction back too.
    const clash = t.deps.newId();
    let n = 0;
    const realId = t.deps.newId;
    await store.db
      .insertInto('ledger_entries')
      .values({
        account_id: ada.accountId,
        id: clash,
        contact_id: grace,
        kind: 'help_given',
        occurred_on: '2026-03-01',
        note: null,
        introduction_id: null,
        created_at: '2026-03-01T00:00:00Z',
      })
      .execute();
    t.deps.newId = () => (++n === 2 ? clash : realId());
    const failed = await ada.call('POST', `/api/v1/resources/${r.id}/share`, {
      contactId: grace,
      channel: 'email',
    });
    t.deps.newId = realId;
    expect(failed.statusCode).toBe(500);
    expect((await ada.call('GET', `/api/v1/contacts/${grace}/interactions`)).json().items).toEqual([]);
    expect(await store.db.selectFrom('resource_shares').selectAll().execute()).toEqual([]);
  });

  it('suggests a fresh match in Today until it is shared', async () => {
    t.deps.clock.set('2026-03-01T09:00:00Z');
    const r = await resource({ kind: 'article', title: 'Writing compilers in Rust', tags: ['rust'] });
    t.deps.clock.set('2026-03-10T09:00:00Z');
    const reasonFor = async (id: string) => {
      const today = (await ada.call('GET', '/api/v1/today?size=50')).json();
      const item = [...today.items, ...today.more].find((i: { contactId: string }) => i.contactId === id);
      return item?.reasons.find((x: { kind: string }) => x.kind === 'resource_match');
    };
    expect(await reasonFor(grace)).toMatchObject({
      kind: 'resource_match',
      text: 'Saw "Writing compilers in Rust" and thought of you (matches: rust, compilers)',
    });
    // Linus matches only through a topic, which Today does not scan; Nobody only through a family fact.
    expect(await reasonFor(linus)).toBeUndefined();
    expect(await reasonFor(nobody)).toBeUndefined();
    await ada.call('POST', `/api/v1/resources/${r.id}/share`, { contactId: grace, channel: 'email' });
    expect(await reasonFor(grace)).toBeUndefined();
    // Thirty days on, the resource is no longer news.
    await resource({ kind: 'tool', title: 'A compiler explorer', tags: [] });
    expect(await reasonFor(grace)).toMatchObject({ text: expect.stringContaining('A compiler explorer') });
    t.deps.clock.set('2026-04-10T09:00:01Z');
    expect(await reasonFor(grace)).toBeUndefined();
  });

  it("answers 404 for another account's resources and contacts", async () => {
    const r = await resource({ kind: 'article', title: 'Secret Rust', tags: ['rust'] });
    const eve = await signUp(t.app, 'eve@example.com', 'Eve');
    const eveContact = (await eve.call('POST', '/api/v1/contacts', { firstName: 'E' })).json().id;
    for (const [method, url, body] of [
      ['GET', `/api/v1/resources/${r.id}`],
      ['PATCH', `/api/v1/resources/${r.id}`, { title: 'mine' }],
      ['DELETE', `/api/v1/resources/${r.id}`],
      ['GET', `/api/v1/resources/${r.id}/matches`],
      ['POST', `/api/v1/resources/${r.id}/share`, { contactId: eveContact, channel: 'email' }],
      ['GET', `/api/v1/contacts/${grace}/resources`],
    ] as const) {
      const res = await eve.call(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.body).not.toContain('Secret');
    }
    expect((await eve.call('GET', '/api/v1/resources')).json().items).toEqual([]);
    const own = (await eve.call('POST', '/api/v1/resources', { kind: 'tool', title: 'x' })).json();
    const cross = await eve.call('POST', `/api/v1/resources/${own.id}/share`, {
      contactId: grace,
      channel: 'email',
    });
    expect(fields(cross)).toContain('contactId');
    expect((await ada.call('GET', `/api/v1/resources/${r.id}`)).json().title).toBe('Secret Rust');
    expect((await ada.call('GET', `/api/v1/contacts/${grace}/interactions`)).json().items).toEqual([]);
  });
});
