import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { touchesPerWeek } from '../../src/core/capacity';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

interface Plan {
  touchesPerWeek: number;
  over: boolean;
  moves: unknown[];
  holidayTouchesPerYear: number;
  circles: { circleId: string | null; name: string; contacts: number; touchesPerWeek: number }[];
}

// The plan's totals come from contacts counted per circle and cadence; these pin them to the
// cadences in force, per circle, with own cadences, circle defaults and untracked people mixed.
describe.each(dialects)('the capacity plan counted per circle and cadence on %s', (dialect) => {
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

  const add = async (body: Record<string, unknown>) =>
    expect((await ada.call('POST', '/api/v1/contacts', body)).statusCode).toBe(201);

  it('sums the cadences in force, circle by circle, leaving untracked people out', async () => {
    const founders = (
      await ada.call('POST', '/api/v1/circles', {
        name: 'Founders',
        kind: 'peer',
        cadence: { kind: 'quarterly' },
      })
    ).json<{ id: string }>().id;
    for (const name of ['A', 'B', 'C']) await add({ firstName: name, circleId: founders });
    await add({ firstName: 'D', circleId: founders, cadence: { kind: 'monthly' } });
    for (const name of ['E', 'F'])
      await add({ firstName: name, cadence: { kind: 'custom', every: 2, unit: 'weeks' } });
    await add({ firstName: 'G', cadence: { kind: 'ad_hoc' } });
    const untracked = (
      await ada.call('POST', '/api/v1/contacts', { firstName: 'H', circleId: founders })
    ).json<{
      id: string;
    }>().id;
    expect((await ada.call('PATCH', `/api/v1/contacts/${untracked}`, { tracked: false })).statusCode).toBe(
      200,
    );

    const plan = (await ada.call('GET', '/api/v1/capacity')).json<Plan>();
    const inFounders = 3 * touchesPerWeek({ kind: 'quarterly' }) + touchesPerWeek({ kind: 'monthly' });
    const noCircle = 2 * touchesPerWeek({ kind: 'custom', every: 2, unit: 'weeks' });
    const row = (id: string | null) => plan.circles.find((c) => c.circleId === id);
    expect(row(founders)?.contacts).toBe(4);
    expect(row(founders)?.touchesPerWeek).toBeCloseTo(inFounders, 9);
    expect(row(null)).toMatchObject({ name: 'No circle', contacts: 3 });
    expect(row(null)?.touchesPerWeek).toBeCloseTo(noCircle, 9);
    expect(plan.touchesPerWeek).toBeCloseTo(
      inFounders + noCircle + plan.holidayTouchesPerYear / (365.25 / 7),
      9,
    );
    expect(plan).toMatchObject({ over: false, moves: [] });
  });
});
