import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

describe.each(dialects)('introductions on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;
  let sam: string;
  let priya: string;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
    sam = await add('Sam', {
      emails: [{ value: 'sam@example.com' }],
      phones: [{ value: '+1 415 555 0100' }],
    });
    priya = await add('Priya', { emails: [{ value: 'priya@example.com' }] });
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  async function add(firstName: string, extra: object = {}, as: Caller = ada): Promise<string> {
    const res = await as.call('POST', '/api/v1/contacts', { firstName, lastName: 'Lee', ...extra });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }
  const reason = 'you both run climate fintech teams';
  const propose = (body: object = { aContactId: sam, bContactId: priya, reason }, as: Caller = ada) =>
    as.call('POST', '/api/v1/introductions', body);
  const step = (id: string, action: string, note?: string, as: Caller = ada) =>
    as.call('POST', `/api/v1/introductions/${id}/advance`, { action, ...(note && { note }) });
  const todayItems = async (now: string) => {
    const q = (await ada.call('GET', `/api/v1/today?now=${now}`)).json();
    return [...q.items, ...q.more];
  };

  it('walks the double opt-in with a draft per step, and the sent intro counts in both ledgers', async () => {
    const created = await propose();
    expect(created.statusCode).toBe(201);
    const intro = created.json();
    expect(intro).toMatchObject({
      aName: 'Sam Lee',
      bName: 'Priya Lee',
      stage: 'proposed',
      open: true,
      nextActions: ['asked_a'],
    });
    expect(intro.draft.step).toBe('ask_a');
    expect(intro.draft.messages[0].body).toMatch(
      /^Hi Sam,\n\nWould you like an intro to Priya\?.*climate fintech/,
    );
    expect(intro.draft.messages[0].links.mailto).toMatch(
      /^mailto:sam@example\.com\?subject=Intro%20to%20Priya%3F/,
    );
    expect(intro.draft.messages[0].links.sms).toMatch(/^sms:\+14155550100\?body=/);

    expect((await step(intro.id, 'asked_a')).json()).toMatchObject({ stage: 'asked_a', draft: null });
    // Double opt-in: B is never asked before A agreed.
    const early = await step(intro.id, 'asked_b');
    expect(early.statusCode).toBe(409);
    expect(early.json().errors).toEqual([
      { field: 'action', message: expect.stringContaining('next: a_agreed or declined') },
    ]);
    const agreed = (await step(intro.id, 'a_agreed', 'Sam: happy to')).json();
    expect(agreed.draft).toMatchObject({
      step: 'ask_b',
      messages: [{ to: ['b'], subject: 'Intro to Sam?' }],
    });
    await step(intro.id, 'asked_b');
    const both = (await step(intro.id, 'b_agreed')).json();
    expect(both.draft.step).toBe('intro');
    expect(both.draft.messages[0].links.mailto).toMatch(/&cc=priya@example\.com$/);
    // No ledger entries until the intro is actually sent.
    expect((await ada.call('GET', `/api/v1/contacts/${sam}/ledger`)).json().items).toEqual([]);

    t.deps.clock.set('2026-03-12T09:00:00.000Z');
    const sent = (await step(intro.id, 'intro_sent')).json();
    expect(sent).toMatchObject({
      stage: 'intro_sent',
      stageAt: '2026-03-12T09:00:00.000Z',
      nextActions: ['succeeded', 'fizzled'],
    });
    for (const [id, other] of [
      [sam, 'Priya Lee'],
      [priya, 'Sam Lee'],
    ]) {
      const ledger = (await ada.call('GET', `/api/v1/contacts/${id}/ledger`)).json();
      expect(ledger).toMatchObject({ balance: 1, gives: 1 });
      expect(ledger.items).toEqual([
        expect.objectContaining({
          kind: 'introduction_made',
          introductionId: intro.id,
          note: `Introduced to ${other}`,
          occurredOn: '2026-03-12',
        }),
      ]);
    }
    const ended = (await step(intro.id, 'succeeded')).json();
    expect(ended).toMatchObject({
      stage: 'outcome',
      outcome: 'succeeded',
      open: false,
      nextActions: [],
      draft: null,
    });
    expect(ended.history.map((h: { action: string }) => h.action)).toEqual([
      'asked_a',
      'a_agreed',
      'asked_b',
      'b_agreed',
      'intro_sent',
      'succeeded',
    ]);
    expect(ended.history[1].note).toBe('Sam: happy to');
    expect((await step(intro.id, 'fizzled')).statusCode).toBe(409);
    // Open and ended lists.
    expect((await ada.call('GET', '/api/v1/introductions?open=true')).json().items).toEqual([]);
    expect(
      (await ada.call('GET', '/api/v1/introductions?open=false'))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toEqual([intro.id]);
  });

  it('ends politely on a decline: B never hears of it when A says no, and nothing is logged', async () => {
    const id = (await propose()).json().id;
    await step(id, 'asked_a');
    const declined = (await step(id, 'declined')).json();
    expect(declined).toMatchObject({ stage: 'declined', outcome: 'declined_by_a', open: false });
    expect(declined.draft.step).toBe('decline_close');
    expect(declined.draft.messages).toHaveLength(1);
    expect(declined.draft.messages[0].to).toEqual(['a']);
    expect((await step(id, 'asked_b')).statusCode).toBe(409);
    expect((await ada.call('GET', '/api/v1/ledger')).json().gives).toBe(0);
    // A new attempt between the same pair is possible once the old one has ended, but not twice at once.
    const again = (await propose({ aContactId: priya, bContactId: sam, reason })).json().id;
    expect((await propose()).statusCode).toBe(409);
    await step(again, 'asked_a');
    await step(again, 'a_agreed');
    await step(again, 'asked_b');
    const byB = (await step(again, 'declined')).json();
    expect(byB.outcome).toBe('declined_by_b');
    expect(byB.draft.messages.map((m: { to: string[] }) => m.to)).toEqual([['b'], ['a']]);
    expect((await ada.call('GET', '/api/v1/introductions?open=true')).json().items).toEqual([]);
  });

  it('turns steps left waiting into Today items at a later now', async () => {
    const id = (await propose()).json().id;
    await step(id, 'asked_a');
    // Asked on 10 March: not stale on the 15th (5 days), stale on the 16th.
    const intro = (items: { contactId: string; reasons: { kind: string; text: string }[] }[]) =>
      items.flatMap((i) =>
        i.reasons.filter((r) => r.kind === 'introduction').map((r) => [i.contactId, r.text]),
      );
    expect(intro(await todayItems('2026-03-15T09:00:00Z'))).toEqual([]);
    expect(intro(await todayItems('2026-03-16T10:00:00Z'))).toEqual([
      [sam, 'Intro Sam \u2194 Priya: asked Sam 6 days ago, no answer yet: nudge Sam or let it go'],
    ]);
    t.deps.clock.set('2026-03-11T09:00:00.000Z');
    await step(id, 'a_agreed');
    expect(intro(await todayItems('2026-03-13T09:00:00Z'))).toEqual([]);
    expect(intro(await todayItems('2026-03-14T09:00:00Z'))).toEqual([
      [priya, 'Intro Sam \u2194 Priya: Sam agreed 3 days ago \u2014 now ask Priya'],
    ]);
    await step(id, 'asked_b');
    await step(id, 'b_agreed');
    await step(id, 'intro_sent');
    expect(intro(await todayItems('2026-04-10T09:00:00Z'))).toEqual([]);
    expect(intro(await todayItems('2026-04-11T09:00:00Z'))[0]?.[1]).toMatch(/intro sent 31 days ago/);
    await step(id, 'fizzled');
    expect(intro(await todayItems('2026-06-01T09:00:00Z'))).toEqual([]);
  });

  it('rejects bad proposals: 400 naming the field, 404 for a contact outside the account', async () => {
    const eve = await signUp(t.app, 'eve@example.com', 'Eve');
    const stranger = await add('Mallory', {}, eve);
    const cases: [object, number, string][] = [
      [{ aContactId: sam, bContactId: sam, reason }, 400, 'bContactId'],
      [{ aContactId: sam, bContactId: priya, reason: '  ' }, 400, 'reason'],
      [{ aContactId: sam, reason }, 400, 'bContactId'],
      [{ aContactId: stranger, bContactId: priya, reason }, 404, 'aContactId'],
      [{ aContactId: sam, bContactId: 'no-such-id', reason }, 404, 'bContactId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await propose(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(
        res.json().errors.map((e: { field: string }) => e.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    const id = (await propose()).json().id;
    expect((await step(id, 'married')).statusCode).toBe(400);
    expect((await ada.call('GET', '/api/v1/introductions')).json().items).toHaveLength(1);
  });

  it("answers 404 for another account's introduction and changes nothing", async () => {
    const id = (await propose()).json().id;
    const eve = await signUp(t.app, 'eve@example.com', 'Eve');
    expect((await eve.call('GET', `/api/v1/introductions/${id}`)).statusCode).toBe(404);
    expect((await step(id, 'asked_a', undefined, eve)).statusCode).toBe(404);
    expect((await propose(undefined, eve)).statusCode).toBe(404);
    expect((await eve.call('GET', '/api/v1/introductions')).json().items).toEqual([]);
    expect((await ada.call('GET', `/api/v1/introductions/${id}`)).json()).toMatchObject({
      stage: 'proposed',
      history: [],
    });
    // Deleting a contact ends its introductions; the other's ledger keeps a sent intro.
    await step(id, 'asked_a');
    await step(id, 'a_agreed');
    await step(id, 'asked_b');
    await step(id, 'b_agreed');
    await step(id, 'intro_sent');
    expect((await ada.call('DELETE', `/api/v1/contacts/${sam}`)).statusCode).toBe(204);
    expect((await ada.call('GET', `/api/v1/introductions/${id}`)).statusCode).toBe(404);
    expect((await ada.call('GET', `/api/v1/contacts/${priya}/ledger`)).json().balance).toBe(1);
  });
});
