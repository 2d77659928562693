import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { up as refold } from '../../src/store/migrations/1796168851471-fold-search-text';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

describe.each(dialects)('accent- and case-folding search on %s', (dialect) => {
  let store: TestStore;
  let t: TestApp;
  let ada: Caller;
  const names = async (q: string) =>
    (await ada.call('GET', `/api/v1/contacts?q=${encodeURIComponent(q)}`))
      .json()
      .items.map((c: { displayName: string }) => c.displayName);

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
    for (const [firstName, lastName, company] of [
      ['Inés', 'Núñez', 'Café Ñandú'],
      ['Ines', 'Nunez', 'Plain'],
      ['Jürgen', 'Łukasiewicz', 'Straße AG'],
    ]) {
      expect((await ada.call('POST', '/api/v1/contacts', { firstName, lastName, company })).statusCode).toBe(
        201,
      );
    }
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  it('"nunez" finds "Núñez", and an accented query finds the plain spelling', async () => {
    expect(await names('nunez')).toEqual(['Ines Nunez', 'Inés Núñez']);
    expect(await names('NÚÑEZ inés')).toEqual(['Ines Nunez', 'Inés Núñez']);
    expect(await names('cafe nandu')).toEqual(['Inés Núñez']);
    expect(await names('lukasiewicz strasse')).toEqual(['Jürgen Łukasiewicz']);
    expect(await names('jurgen')).toEqual(['Jürgen Łukasiewicz']);
  });

  it('the migration re-folds search text written before folding', async () => {
    // As an older version stored it: lower-cased, accents kept.
    await store.db
      .updateTable('contact_search')
      .set({ body: 'jürgen • łukasiewicz • straße ag' })
      .where('body', 'like', '%jurgen%')
      .execute();
    expect(await names('jurgen')).toEqual([]);
    await refold(store.db);
    expect(await names('jurgen')).toEqual(['Jürgen Łukasiewicz']);
    expect(await names('nunez')).toHaveLength(2);
  });
});
