import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

interface Reason {
  kind: string;
  detail?: string;
  text: string;
}
interface Item {
  contactId: string;
  reasons: Reason[];
}

describe.each(dialects)('trips on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app); // Europe/London, clock at 2026-03-10T09:00Z
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  const add = async (body: Record<string, unknown>) => {
    const res = await ada.call('POST', '/api/v1/contacts', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const circle = async (kind: string) =>
    (await ada.call('GET', '/api/v1/circles'))
      .json<{ items: { id: string; kind: string }[] }>()
      .items.find((c) => c.kind === kind)!.id;
  const trip = async (body: Record<string, unknown>) => {
    const res = await ada.call('POST', '/api/v1/trips', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };

  it('creates, lists, changes and deletes trips; endsOn before startsOn is a 400 naming endsOn', async () => {
    const lisbon = await trip({
      city: 'Lisbon',
      country: 'Portugal',
      startsOn: '2026-05-12',
      endsOn: '2026-05-15',
    });
    const berlin = await trip({
      name: 'JSConf',
      city: 'Berlin',
      startsOn: '2026-02-01',
      endsOn: '2026-02-03',
      kind: 'conference',
    });
    const all = (await ada.call('GET', '/api/v1/trips')).json().items;
    expect(all).toMatchObject([
      { id: berlin, name: 'JSConf', kind: 'conference', country: null },
      { id: lisbon, name: 'Lisbon', kind: 'trip', country: 'Portugal' },
    ]);
    expect((await ada.call('GET', '/api/v1/trips?upcoming=true')).json().items).toMatchObject([
      { id: lisbon },
    ]);

    const bad = await ada.call('POST', '/api/v1/trips', {
      city: 'Rome',
      startsOn: '2026-05-12',
      endsOn: '2026-05-11',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'endsOn', message: 'must be on or after startsOn' }]);
    const noCity = await ada.call('POST', '/api/v1/trips', {
      city: ' ',
      startsOn: '2026-05-12',
      endsOn: '2026-05-12',
    });
    expect(noCity.json().errors[0].field).toBe('city');

    // One date alone is checked against the stored other one, and a failed patch changes nothing.
    const early = await ada.call('PATCH', `/api/v1/trips/${lisbon}`, {
      endsOn: '2026-05-01',
      name: 'Changed',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('endsOn');
    expect((await ada.call('GET', `/api/v1/trips/${lisbon}`)).json()).toMatchObject({
      name: 'Lisbon',
      endsOn: '2026-05-15',
    });
    const moved = await ada.call('PATCH', `/api/v1/trips/${lisbon}`, {
      startsOn: '2026-05-10',
      country: null,
    });
    expect(moved.json()).toMatchObject({ startsOn: '2026-05-10', endsOn: '2026-05-15', country: null });

    expect((await ada.call('DELETE', `/api/v1/trips/${berlin}`)).statusCode).toBe(204);
    expect((await ada.call('DELETE', `/api/v1/trips/${berlin}`)).statusCode).toBe(404);
    expect((await ada.call('GET', '/api/v1/trips')).json().items).toHaveLength(1);
  });

  it('finds who lives there, folding case and accents, closer circles and longer silences first', async () => {
    const mentor = await circle('mentor');
    const peer = await circle('peer');
    const ana = await add({ firstName: 'Ana', city: 'Sao Paulo', circleId: peer });
    const bruno = await add({ firstName: 'Bruno', city: 'SÃO PAULO', country: 'Brazil', circleId: mentor });
    const caio = await add({ firstName: 'Caio', city: 'são paulo', circleId: peer, tracked: false });
    await add({ firstName: 'Duda', city: 'São Paulo', country: 'Portugal' }); // another country
    await add({ firstName: 'Eva', city: 'Paris' });
    await add({ firstName: 'Fred' }); // no city
    // Ana talked to recently, Caio long ago: the visit matters more for Caio.
    await ada.call('POST', `/api/v1/contacts/${ana}/interactions`, {
      channel: 'call',
      direction: 'outbound',
      occurredAt: '2026-03-01T10:00:00Z',
    });
    await ada.call('POST', `/api/v1/contacts/${caio}/interactions`, {
      channel: 'call',
      direction: 'outbound',
      occurredAt: '2025-06-01T10:00:00Z',
    });
    const id = await trip({
      city: 'São Paulo',
      country: 'Brazil',
      startsOn: '2026-06-01',
      endsOn: '2026-06-05',
    });
    const res = await ada.call('GET', `/api/v1/trips/${id}/people`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().trip).toMatchObject({ id, city: 'São Paulo' });
    expect(res.json().items.map((p: { contactId: string }) => p.contactId)).toEqual([bruno, caio, ana]);
    expect(res.json().items[1]).toMatchObject({ name: 'Caio', tracked: false, city: 'são paulo' });

    // Without a country on the trip, the Portuguese São Paulo matches too.
    await ada.call('PATCH', `/api/v1/trips/${id}`, { country: null });
    expect((await ada.call('GET', `/api/v1/trips/${id}/people`)).json().items).toHaveLength(4);
  });

  it('gives a Today reason from 14 days before the trip until its last day, for tracked people there', async () => {
    const ana = await add({ firstName: 'Ana', lastName: 'Silva', city: 'Lisboa' });
    await ada.call('PATCH', `/api/v1/contacts/${ana}`, { city: 'Lisbon' });
    const quiet = await add({ firstName: 'Rui', city: 'lisbon', tracked: false });
    await add({ firstName: 'Eva', city: 'Porto' });
    await trip({ city: 'Lisbon', startsOn: '2026-03-20', endsOn: '2026-03-23' });
    const tripReasons = async (now: string) => {
      const res = await ada.call('GET', `/api/v1/today?now=${now}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ items: Item[]; more: Item[] }>();
      return [...body.items, ...body.more].flatMap((i) =>
        i.reasons.filter((r) => r.kind === 'trip').map((r) => ({ contactId: i.contactId, text: r.text })),
      );
    };
    const expected = [{ contactId: ana, text: 'You are in Lisbon 20–23 Mar: Ana lives there' }];
    expect(await tripReasons('2026-03-05T09:00:00Z')).toEqual([]); // 15 days before
    expect(await tripReasons('2026-03-06T09:00:00Z')).toEqual(expected); // 14 days before
    expect(await tripReasons('2026-03-10T09:00:00Z')).toEqual(expected);
    expect(await tripReasons('2026-03-23T22:00:00Z')).toEqual(expected); // last evening
    expect(await tripReasons('2026-03-24T09:00:00Z')).toEqual([]); // over
    expect((await tripReasons('2026-03-10T09:00:00Z')).some((r) => r.contactId === quiet)).toBe(false);
  });

  it("answers 404 for another account's trips and keeps lists apart", async () => {
    await add({ firstName: 'Ana', city: 'Lisbon' });
    const id = await trip({ city: 'Lisbon', startsOn: '2026-03-12', endsOn: '2026-03-13' });
    const eve = await signUp(t.app, 'eve@example.com', 'Eve');
    expect((await eve.call('GET', `/api/v1/trips/${id}`)).statusCode).toBe(404);
    expect((await eve.call('GET', `/api/v1/trips/${id}/people`)).statusCode).toBe(404);
    expect((await eve.call('PATCH', `/api/v1/trips/${id}`, { name: 'mine' })).statusCode).toBe(404);
    expect((await eve.call('DELETE', `/api/v1/trips/${id}`)).statusCode).toBe(404);
    expect((await eve.call('GET', '/api/v1/trips')).json().items).toEqual([]);
    // Eve's own trip to Lisbon finds none of Ada's contacts, and her Today has no trip reason.
    const hers = (
      await eve.call('POST', '/api/v1/trips', {
        city: 'Lisbon',
        startsOn: '2026-03-12',
        endsOn: '2026-03-13',
      })
    ).json().id;
    expect((await eve.call('GET', `/api/v1/trips/${hers}/people`)).json().items).toEqual([]);
    expect((await eve.call('GET', '/api/v1/today')).json().items).toEqual([]);
    expect((await ada.call('GET', `/api/v1/trips/${id}`)).json().name).toBe('Lisbon');
  });
});
