import type { RootOperationNode } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { deletesFrom, failingWhen, insertsInto, updates } from '../helpers/failing-store';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

/** Services that write several things do it in one transaction: a failure midway leaves nothing. */
describe.each(dialects)('atomic multi-step writes on %s', (dialect) => {
  let store: TestStore;
  let t: TestApp;
  let ada: Caller;
  let breakWhen: ((node: RootOperationNode) => boolean) | null;

  beforeEach(async () => {
    store = await freshStore(dialect);
    breakWhen = null;
    t = await testApp(failingWhen(store, (node) => breakWhen?.(node) ?? false));
    ada = await signUp(t.app);
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  const contactWithTask = async () => {
    const id = (await ada.call('POST', '/api/v1/contacts', { firstName: 'Olga' })).json<{ id: string }>().id;
    const task = await ada.call('POST', '/api/v1/tasks', { title: 'Send the deck', contactId: id });
    expect(task.statusCode, task.body).toBe(201);
    return id;
  };
  const timeline = async (id: string) =>
    (await ada.call('GET', `/api/v1/contacts/${id}/timeline`)).json<{ items: unknown[] }>().items;

  it('Today done: a failure closing the tasks leaves the interaction unlogged', async () => {
    const id = await contactWithTask();
    breakWhen = updates('tasks');
    const res = await ada.call('POST', `/api/v1/today/${id}/done`, {
      log: { channel: 'email', direction: 'outbound', summary: 'sent the deck' },
    });
    expect(res.statusCode, res.body).toBe(500);
    breakWhen = null;
    expect(await timeline(id)).toEqual([]);
    expect((await ada.call('GET', `/api/v1/contacts/${id}`)).json().lastInteractionAt ?? null).toBeNull();
    const tasks = (await ada.call('GET', `/api/v1/tasks?contactId=${id}`)).json().items;
    expect(tasks).toMatchObject([{ title: 'Send the deck', done: false }]);
    // And it works once the failure is gone: one interaction, the task closed.
    const ok = await ada.call('POST', `/api/v1/today/${id}/done`, {
      log: { channel: 'email', direction: 'outbound', summary: 'sent the deck' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ tasksDone: 1 });
    expect(await timeline(id)).toHaveLength(1);
  });

  it('catch-up done: a failure linking the interaction leaves it planned and unlogged', async () => {
    const id = await contactWithTask();
    const plan = await ada.call('POST', `/api/v1/contacts/${id}/catch-ups`, {
      format: 'walk',
      startAt: '2026-03-09T13:00:00Z',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const catchUp = plan.json<{ id: string }>().id;
    breakWhen = updates('catch_ups', 'interaction_id');
    const res = await ada.call('POST', `/api/v1/catch-ups/${catchUp}/done`, { summary: 'long walk' });
    expect(res.statusCode, res.body).toBe(500);
    breakWhen = null;
    expect((await ada.call('GET', `/api/v1/catch-ups/${catchUp}`)).json()).toMatchObject({
      status: 'planned',
      interactionId: null,
    });
    expect(await timeline(id)).toEqual([]);
    const ok = await ada.call('POST', `/api/v1/catch-ups/${catchUp}/done`, { summary: 'long walk' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await timeline(id)).toHaveLength(1);
  });

  it('ledger entry with a logged interaction: no entry stays when the log fails', async () => {
    const id = await contactWithTask();
    // The log fails, and so would a clean-up afterwards: only a rollback leaves nothing.
    const failLog = insertsInto('interactions');
    const failCleanUp = deletesFrom('ledger_entries');
    breakWhen = (node) => failLog(node) || failCleanUp(node);
    const res = await ada.call('POST', `/api/v1/contacts/${id}/ledger`, {
      kind: 'help_given',
      note: 'reviewed the CV',
      logInteraction: { channel: 'email' },
    });
    expect(res.statusCode, res.body).toBe(500);
    breakWhen = null;
    expect((await ada.call('GET', `/api/v1/contacts/${id}/ledger`)).json().items).toEqual([]);
    expect(await timeline(id)).toEqual([]);
  });
});
