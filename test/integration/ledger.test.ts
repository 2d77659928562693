import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

describe.each(dialects)('give/ask ledger on %s', (dialect) => {
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

  async function add(firstName: string, as: Caller = ada): Promise<string> {
    const res = await as.call('POST', '/api/v1/contacts', { firstName, lastName: 'Lee' });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }
  const log = (id: string, body: object, as: Caller = ada) =>
    as.call('POST', `/api/v1/contacts/${id}/ledger`, body);

  it('warns on an ask exactly when the balance before it is zero or below, and keeps the balance', async () => {
    const sam = await add('Sam');
    // Nothing given yet (0): asking first earns the nudge, and the ask is still logged.
    const first = await log(sam, { kind: 'favour_asked', note: 'Intro to their CTO' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      entry: { kind: 'favour_asked', direction: 'ask', occurredOn: '2026-03-10', note: 'Intro to their CTO' },
      balance: -1,
      warning: expect.stringMatching(
        /^You have not yet given Sam more than you have asked \(0\): give first/,
      ),
      interaction: null,
    });
    const second = await log(sam, { kind: 'favour_asked' });
    expect(second.json().warning).toBe(
      'You have asked more than you have given to Sam (\u22121): give first, e.g. share a resource or make an introduction.',
    );
    // Gives never warn, even in the red.
    expect((await log(sam, { kind: 'resource_shared', occurredOn: '2026-03-01' })).json()).toMatchObject({
      balance: -1,
      warning: null,
    });
    await log(sam, { kind: 'help_given' });
    await log(sam, { kind: 'introduction_made' });
    // Balance +1 before the ask: no warning.
    expect((await log(sam, { kind: 'favour_asked' })).json()).toMatchObject({ balance: 0, warning: null });
    // Receiving help draws on the relationship too, but only asks warn.
    expect((await log(sam, { kind: 'favour_received' })).json()).toMatchObject({
      balance: -1,
      warning: null,
    });

    const ledger = (await ada.call('GET', `/api/v1/contacts/${sam}/ledger`)).json();
    expect(ledger).toMatchObject({ balance: -1, gives: 3, asks: 3, received: 1 });
    expect(ledger.askWarning).toMatch(/Sam \(\u22121\)/);
    expect(ledger.items).toHaveLength(7);
    expect(ledger.items.at(-1)).toMatchObject({ kind: 'resource_shared', occurredOn: '2026-03-01' });
    // No interaction was logged along the way.
    expect((await ada.call('GET', `/api/v1/contacts/${sam}/interactions`)).json().items).toEqual([]);

    // Deleting an entry moves the balance back.
    const ask = ledger.items.find((e: { kind: string }) => e.kind === 'favour_received');
    expect((await ada.call('DELETE', `/api/v1/ledger/${ask.id}`)).statusCode).toBe(204);
    expect((await ada.call('DELETE', `/api/v1/ledger/${ask.id}`)).statusCode).toBe(404);
    expect((await ada.call('GET', `/api/v1/contacts/${sam}/ledger`)).json().balance).toBe(0);
  });

  it('logs an outbound interaction too when asked, which moves the contact’s schedule', async () => {
    const sam = await add('Sam');
    const res = await log(sam, {
      kind: 'job_opening_shared',
      note: 'Staff role at Acme',
      logInteraction: { channel: 'email' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().interaction).toMatchObject({
      channel: 'email',
      direction: 'outbound',
      summary: 'Passed on a job opening: Staff role at Acme',
      occurredAt: '2026-03-10T09:00:00.000Z',
    });
    const contact = (await ada.call('GET', `/api/v1/contacts/${sam}`)).json();
    expect(contact.lastInteractionAt).toBe('2026-03-10T09:00:00.000Z');
    // A past day is logged at noon in the account's zone (Europe/London: UTC in March).
    const past = await log(sam, {
      kind: 'help_given',
      occurredOn: '2026-03-02',
      logInteraction: { channel: 'call' },
    });
    expect(past.json().interaction.occurredAt).toBe('2026-03-02T12:00:00.000Z');
  });

  it('rejects bad input with a 400 naming the field and writes nothing', async () => {
    const sam = await add('Sam');
    const cases: [object, string][] = [
      [{ kind: 'bribe' }, 'kind'],
      [{ kind: 'help_given', occurredOn: '2026-02-30' }, 'occurredOn'],
      [{ kind: 'help_given', occurredOn: '2026-03-11' }, 'occurredOn'],
      [{ kind: 'help_given', logInteraction: { channel: 'pigeon' } }, 'logInteraction.channel'],
      [{ kind: 'help_given', extra: 1 }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await log(sam, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().errors), JSON.stringify(body)).toContain(field);
    }
    expect((await ada.call('GET', `/api/v1/contacts/${sam}/ledger`)).json().items).toEqual([]);
    expect((await ada.call('GET', `/api/v1/contacts/${sam}/interactions`)).json().items).toEqual([]);
  });

  it('sums the network and names who you gave most to and asked most of', async () => {
    const sam = await add('Sam');
    const priya = await add('Priya');
    for (const kind of ['introduction_made', 'introduction_made', 'resource_shared'])
      await log(sam, { kind });
    for (const kind of ['favour_asked', 'favour_asked', 'help_given']) await log(priya, { kind });
    const net = (await ada.call('GET', '/api/v1/ledger')).json();
    expect(net).toMatchObject({ balance: 2, gives: 4, asks: 2, received: 0 });
    expect(net.totals).toMatchObject({
      introduction_made: 2,
      resource_shared: 1,
      favour_asked: 2,
      help_given: 1,
    });
    expect(net.topGivenTo.map((c: { name: string }) => c.name)).toEqual(['Sam Lee', 'Priya Lee']);
    expect(net.mostAsked).toEqual([
      { contactId: priya, name: 'Priya Lee', balance: -1, gives: 1, asks: 2, received: 0 },
    ]);
    // Deleting a contact takes its entries with it.
    expect((await ada.call('DELETE', `/api/v1/contacts/${priya}`)).statusCode).toBe(204);
    expect((await ada.call('GET', '/api/v1/ledger')).json()).toMatchObject({ balance: 3, asks: 0 });
  });

  it("answers 404 for another account's contact or entry, and changes nothing", async () => {
    const sam = await add('Sam');
    const entry = (await log(sam, { kind: 'help_given' })).json().entry.id;
    const eve = await signUp(t.app, 'eve@example.com', 'Eve');
    expect((await eve.call('GET', `/api/v1/contacts/${sam}/ledger`)).statusCode).toBe(404);
    expect((await log(sam, { kind: 'favour_asked' }, eve)).statusCode).toBe(404);
    expect((await eve.call('DELETE', `/api/v1/ledger/${entry}`)).statusCode).toBe(404);
    expect((await eve.call('GET', '/api/v1/ledger')).json()).toMatchObject({ balance: 0, topGivenTo: [] });
    expect((await ada.call('GET', `/api/v1/contacts/${sam}/ledger`)).json()).toMatchObject({
      balance: 1,
      gives: 1,
    });
  });
});
