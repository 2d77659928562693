import type { RootOperationNode } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { card } from '../helpers/dav-client';
import { failingWhen, insertsInto } from '../helpers/failing-store';
import { type Radicale, type RadicaleBook, startRadicale } from '../helpers/radicale';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

interface Listed {
  id: string;
  firstName: string;
  lastName: string;
  title: string | null;
  company: string | null;
  phones: { value: string }[];
}

/**
 * The CardDAV client against a throwaway Radicale on loopback: Tend subscribes to an existing
 * address book and stays in step with it, both ways, with the import rules for new cards.
 */
describe.each(dialects)('CardDAV client against Radicale on %s', (dialect) => {
  let radicale: Radicale;
  let store: TestStore;
  let t: TestApp;
  let ada: Caller;
  let book: RadicaleBook;
  let n = 0;
  let breakWhen: ((node: RootOperationNode) => boolean) | null;

  beforeAll(async () => {
    radicale = await startRadicale();
  });
  afterAll(async () => {
    await radicale?.stop();
  });
  beforeEach(async () => {
    store = await freshStore(dialect);
    breakWhen = null;
    t = await testApp(failingWhen(store, (node) => breakWhen?.(node) ?? false));
    ada = await signUp(t.app);
    book = await radicale.newBook(`book-${dialect}-${++n}`);
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  const subscribe = async (over: Record<string, unknown> = {}) => {
    const res = await ada.call('POST', '/api/v1/carddav-subscriptions', {
      url: book.url,
      user: radicale.user,
      password: radicale.password,
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; syncCollection: boolean }>();
  };
  const run = async (id: string) => {
    const res = await ada.call('POST', `/api/v1/carddav-subscriptions/${id}/run`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{
      pulled: number;
      pushed: number;
      deleted: number;
      conflicts: number;
      errors: string[];
    }>();
  };
  const contacts = async () =>
    (await ada.call('GET', '/api/v1/contacts?limit=100'))
      .json<{ items: Listed[] }>()
      .items.sort((a, b) => a.firstName.localeCompare(b.firstName));
  const conflicts = async () =>
    (await ada.call('GET', '/api/v1/carddav-conflicts')).json<{
      items: {
        id: string;
        kind: string;
        reason: string;
        fields: { field: string; tend: unknown; remote: unknown }[];
      }[];
    }>().items;

  it('pulls the book, then a remote edit and a remote delete; a Tend edit goes up keeping unknown lines', async () => {
    for (const [uid, family, given] of [
      ['g', 'Hopper', 'Grace'],
      ['a', 'Turing', 'Alan'],
      ['k', 'Johnson', 'Katherine'],
    ] as const)
      await book.put(`${uid}.vcf`, card(uid, [`N:${family};${given};;;`, `FN:${given} ${family}`]));
    await book.put(
      'x.vcf',
      card('x', [
        'N:Lovelace;Ada;;;',
        'FN:Ada Lovelace',
        'X-ABUID:12345:ABPerson',
        'item1.X-ABLABEL:_$!<Other>!$_',
        'TITLE:Countess',
      ]),
    );
    const sub = await subscribe();
    expect(sub.syncCollection).toBe(true);
    expect(await run(sub.id)).toMatchObject({ pulled: 4, pushed: 0, conflicts: 0, errors: [] });
    expect((await contacts()).map((c) => c.firstName)).toEqual(['Ada', 'Alan', 'Grace', 'Katherine']);
    // Nothing changed: nothing moves.
    expect(await run(sub.id)).toMatchObject({ pulled: 0, pushed: 0, deleted: 0 });

    // Remote: Grace gets a title, Alan is deleted.
    await book.put('g.vcf', card('g', ['N:Hopper;Grace;;;', 'FN:Grace Hopper', 'TITLE:Rear Admiral']));
    await book.remove('a.vcf');
    expect(await run(sub.id)).toMatchObject({ pulled: 1, deleted: 1 });
    const after = await contacts();
    expect(after.map((c) => c.firstName)).toEqual(['Ada', 'Grace', 'Katherine']);
    expect(after.find((c) => c.firstName === 'Grace')?.title).toBe('Rear Admiral');

    // Tend: Ada's title changes; the card goes up with Radicale's unknown properties as written.
    const adaId = after.find((c) => c.firstName === 'Ada')!.id;
    t.deps.clock.set('2026-03-10T10:00:00.000Z');
    expect((await ada.call('PATCH', `/api/v1/contacts/${adaId}`, { title: 'Analyst' })).statusCode).toBe(200);
    expect(await run(sub.id)).toMatchObject({ pulled: 0, pushed: 1, conflicts: 0 });
    const up = await book.get('x.vcf');
    expect(up).toContain('TITLE:Analyst');
    expect(up).toContain('X-ABUID:12345:ABPerson\r\n');
    expect(up).toContain('item1.X-ABLABEL:_$!<Other>!$_\r\n');
    // Our own write does not come back as a change.
    expect(await run(sub.id)).toMatchObject({ pulled: 0, pushed: 0 });
  });

  it('starts again by ETags when the sync token expired, and follows a book without sync-collection', async () => {
    await book.put('g.vcf', card('g', ['N:Hopper;Grace;;;', 'FN:Grace Hopper']));
    await book.put('k.vcf', card('k', ['N:Johnson;Katherine;;;', 'FN:Katherine Johnson']));
    const sub = await subscribe();
    await run(sub.id);
    await book.put('g.vcf', card('g', ['N:Hopper;Grace;;;', 'FN:Grace Hopper', 'TITLE:Rear Admiral']));
    // A token the server no longer knows: 403 DAV:valid-sync-token, then a full comparison.
    await store.db
      .updateTable('carddav_subscriptions')
      .set({ sync_token: 'http://radicale.org/ns/sync/0000' })
      .execute();
    expect(await run(sub.id)).toMatchObject({ pulled: 1, deleted: 0 });
    // Without sync-collection every ETag is compared: only the changed card is fetched.
    await store.db
      .updateTable('carddav_subscriptions')
      .set({ sync_collection: 0, sync_token: null })
      .execute();
    await book.remove('k.vcf');
    expect(await run(sub.id)).toMatchObject({ pulled: 0, deleted: 1 });
    expect((await contacts()).map((c) => [c.firstName, c.title])).toEqual([['Grace', 'Rear Admiral']]);
  });

  it('lists a field both sides changed, and takes the side the user picks', async () => {
    await book.put('g.vcf', card('g', ['N:Hopper;Grace;;;', 'FN:Grace Hopper', 'TITLE:Captain']));
    const sub = await subscribe();
    await run(sub.id);
    const [grace] = await contacts();
    t.deps.clock.set('2026-03-10T10:00:00.000Z');
    await ada.call('PATCH', `/api/v1/contacts/${grace!.id}`, { title: 'Commodore' });
    await book.put(
      'g.vcf',
      card('g', ['N:Hopper;Grace;;;', 'FN:Grace Hopper', 'TITLE:Rear Admiral', 'ORG:Navy']),
    );
    expect(await run(sub.id)).toMatchObject({ pulled: 0, conflicts: 1 });
    const [c] = await conflicts();
    expect(c).toMatchObject({
      kind: 'fields',
      fields: [{ field: 'title', tend: 'Commodore', remote: 'Rear Admiral' }],
    });
    // Nothing was applied while it waits.
    expect((await contacts())[0]).toMatchObject({ title: 'Commodore', company: null });
    expect(
      (await ada.call('POST', `/api/v1/carddav-conflicts/${c!.id}/resolve`, { kind: 'fields' })).statusCode,
    ).toBe(400);
    const ok = await ada.call('POST', `/api/v1/carddav-conflicts/${c!.id}/resolve`, {
      kind: 'fields',
      pick: { title: 'tend' },
    });
    expect(ok.statusCode, ok.body).toBe(204);
    // Tend's title, and the book's other change (the company) came in.
    expect((await contacts())[0]).toMatchObject({ title: 'Commodore', company: 'Navy' });
    expect(await conflicts()).toEqual([]);
    // The choice went up to the book at once, so the next sync has nothing left to push.
    expect(await book.get('g.vcf')).toContain('TITLE:Commodore');
    expect(await run(sub.id)).toMatchObject({ pushed: 0, pulled: 0, conflicts: 0 });
  });

  it('keeps two different people who share a phone as two contacts, listing the card', async () => {
    await ada.call('POST', '/api/v1/contacts', {
      firstName: 'Grace',
      lastName: 'Hopper',
      emails: [{ value: 'grace@navy.example' }],
      phones: [{ value: '+1 202 555 0100' }],
    });
    await book.put(
      'h.vcf',
      card('h', [
        'N:Hopper;Walter;;;',
        'FN:Walter Hopper',
        'EMAIL:walter@home.example',
        'TEL:+1 202 555 0100',
      ]),
    );
    await book.put('n.vcf', card('n', ['N:Noether;Emmy;;;', 'FN:Emmy Noether']));
    const sub = await subscribe();
    expect(await run(sub.id)).toMatchObject({ pulled: 1, conflicts: 1 });
    expect((await contacts()).map((c) => c.firstName)).toEqual(['Emmy', 'Grace']);
    const [c] = await conflicts();
    expect(c?.kind).toBe('match');
    // The book is unreachable just then: the choice still stands, and the sync's error is shown.
    await store.db.updateTable('carddav_subscriptions').set({ url: 'http://127.0.0.1:1/book/' }).execute();
    const res = await ada.call('POST', `/api/v1/carddav-conflicts/${c!.id}/resolve`, {
      kind: 'match',
      action: 'create',
    });
    expect(res.statusCode, res.body).toBe(204);
    expect((await contacts()).map((x) => x.firstName)).toEqual(['Emmy', 'Grace', 'Walter']);
    const after = await ada.call('GET', `/api/v1/carddav-subscriptions/${sub.id}`);
    expect(after.json<{ lastError: string | null }>().lastError).toBeTruthy();
    await store.db.updateTable('carddav_subscriptions').set({ url: book.url }).execute();
    expect(await run(sub.id)).toMatchObject({ pulled: 0, conflicts: 0 });
  });

  it('refuses a wrong password in words, and a failed sync leaves Tend unchanged', async () => {
    const bad = await ada.call('POST', '/api/v1/carddav-subscriptions', {
      url: book.url,
      user: radicale.user,
      password: 'wrong',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('authentication failed: the server says 401');

    await book.put('g.vcf', card('g', ['N:Hopper;Grace;;;', 'FN:Grace Hopper']));
    // Discovery from the server root finds the user's books; this user has several, so one is asked for.
    const root = await ada.call('POST', '/api/v1/carddav-subscriptions/discover', {
      url: radicale.url,
      user: radicale.user,
      password: radicale.password,
    });
    expect(root.statusCode, root.body).toBe(200);
    expect(root.json<{ items: { url: string }[] }>().items.map((b) => b.url)).toContain(book.url);

    await book.put('k.vcf', card('k', ['N:Johnson;Katherine;;;', 'FN:Katherine Johnson']));
    const sub = await subscribe();
    // The second card's link fails to write: the first card's contact goes too.
    let links = 0;
    breakWhen = (node) => insertsInto('carddav_links')(node) && ++links === 2;
    expect((await ada.call('POST', `/api/v1/carddav-subscriptions/${sub.id}/run`)).statusCode).toBe(500);
    expect(await contacts()).toEqual([]);
    breakWhen = null;
    await store.db
      .updateTable('carddav_subscriptions')
      .set({ url: `${radicale.url}/nobody/nothing/` })
      .execute();
    const failed = await ada.call('POST', `/api/v1/carddav-subscriptions/${sub.id}/run`);
    expect(failed.statusCode).toBe(502);
    expect(await contacts()).toEqual([]);
    const listed = (await ada.call('GET', `/api/v1/carddav-subscriptions/${sub.id}`)).json<{
      lastError: string;
    }>();
    expect(listed.lastError).toMatch(/the server says 40[34]/);
    // A card that cannot be a contact (no name at all) is named, the rest comes in.
    await store.db.updateTable('carddav_subscriptions').set({ url: book.url }).execute();
    await book.put('b.vcf', card('b', ['N:;;;;', 'FN: ', 'NOTE:only a note']));
    const ok = await run(sub.id);
    expect(ok.pulled).toBe(2);
    expect(ok.errors.join()).toContain('b.vcf');
  });
});
