import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';
import { linkedInCsv, upload } from './imports-helpers';

const people = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => [
    `${prefix}${i}`,
    'Example',
    '',
    `${prefix.toLowerCase()}${i}@example.com`,
    'Acme',
    'Engineer',
    '01 Mar 2024',
  ]);

describe.each(dialects)('imports track small files and leave large ones untracked on %s', (dialect) => {
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

  const importFile = async (rows: string[][], body?: unknown) => {
    const preview = (await upload(t.app, ada, linkedInCsv(rows))).json();
    const done = await ada.call('POST', `/api/v1/imports/${preview.id}/commit`, body);
    expect(done.statusCode, done.body).toBe(200);
    return preview as { tracksByDefault: boolean };
  };
  const trackedOf = async (q: string) => {
    const items = (await ada.call('GET', `/api/v1/contacts?q=${q}&limit=5`)).json().items as {
      tracked: boolean;
    }[];
    expect(items.length).toBeGreaterThan(0);
    return [...new Set(items.map((c) => c.tracked))];
  };

  it('300 new people are tracked by default, 301 are not, and `tracked` overrides either way', async () => {
    expect((await importFile(people(300, 'Small'))).tracksByDefault).toBe(true);
    expect(await trackedOf('small1')).toEqual([true]);
    expect((await importFile(people(301, 'Large'))).tracksByDefault).toBe(false);
    expect(await trackedOf('large1')).toEqual([false]);
    await importFile(people(301, 'Chosen'), { tracked: true });
    expect(await trackedOf('chosen1')).toEqual([true]);
    // Untracked imports add nothing to the capacity plan.
    const plan = (await ada.call('GET', '/api/v1/capacity')).json();
    expect(plan.circles.find((c: { circleId: string | null }) => c.circleId === null).contacts).toBe(601);
  });
});
