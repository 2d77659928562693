import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { fixtureBytes } from '../fixtures/imports/fixture';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';
import { upload } from './imports-helpers';

/**
 * The blocker of issue 13: a phone, an e-mail or a name + company shared by two people merged them.
 * Invented people share office lines, family inboxes and employers at random; each has a name of
 * their own and some a LinkedIn profile. Through a real preview and commit, every person becomes
 * exactly one contact: repeated rows of one person fold together, two people never do.
 */
interface Person {
  phone: string | undefined;
  email: string | undefined;
  company: string | undefined;
  linkedin: boolean;
  rows: 1 | 2;
}

const person = fc.record<Person>({
  phone: fc.constantFrom('+14155550100', '+14155550101', '+442079460000', undefined),
  email: fc.constantFrom('office@example.com', 'family@example.org', undefined),
  company: fc.constantFrom('Globex', 'Initech Inc.', undefined),
  linkedin: fc.boolean(),
  rows: fc.constantFrom(1, 2),
});

function card(p: Person, name: string, slug: string, title: string): string {
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:Zed;${name};;;`,
    `FN:${name} Zed`,
    ...(p.phone ? [`TEL;TYPE=WORK:${p.phone}`] : []),
    ...(p.email ? [`EMAIL:${p.email}`] : []),
    ...(p.company ? [`ORG:${p.company}`] : []),
    ...(p.linkedin ? [`URL:https://www.linkedin.com/in/${slug}`] : []),
    `TITLE:${title}`,
    'END:VCARD',
  ].join('\r\n');
}

describe.each(dialects)('never merging two people on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;
  let run = 0;
  let expected = 0;

  beforeAll(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
  });
  afterAll(async () => {
    await t.app.close();
    await store.close();
  });

  it('property: people who differ in name never end up as one contact (preview + commit)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 10 }), async (people) => {
        run++;
        const cards: string[] = [];
        people.forEach((p, i) => {
          // One token per person ("r3p4"): no name is an initial or a part of another.
          const name = `R${run}p${i}`;
          cards.push(card(p, name, `r${run}p${i}`, 'Engineer'));
          // A person's second row adds a title: it must fold into the first, never into another.
          if (p.rows === 2 && (p.linkedin || p.company)) cards.push(card(p, name, `r${run}p${i}`, 'Lead'));
        });
        const preview = (await upload(t.app, ada, `${cards.join('\r\n')}\r\n`, { fileName: 'p.vcf' })).json();
        expect(preview.counts.error).toBe(0);
        const done = (await ada.call('POST', `/api/v1/imports/${preview.id}/commit`, {})).json();
        expect(done.result.created).toBe(people.length);
        expected += people.length;
      }),
      { numRuns: 12, seed: 13 },
    );
    let count = 0;
    for (let cursor: string | null = ''; cursor !== null; ) {
      const res = await ada.call('GET', `/api/v1/contacts?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      const page: { items: unknown[]; nextCursor: string | null } = res.json();
      count += page.items.length;
      cursor = page.nextCursor;
    }
    expect(count).toBe(expected);
  });

  it('previews a shared family phone and a shared inbox as conflicts that say why, and creates them', async () => {
    const bob = await signUp(t.app, `bob${dialect}@example.com`, 'Bob');
    const preview = (await upload(t.app, bob, fixtureBytes('google-shared-phone.csv'))).json();
    expect(preview.counts).toMatchObject({ new: 2, conflict: 2, merge: 1, total: 5 });
    const conflicts = (await bob.call('GET', `/api/v1/imports/${preview.id}/rows?status=conflict`)).json();
    expect(conflicts.items).toMatchObject([
      {
        name: 'Tomas Okafor',
        match: { line: 2, by: 'phone' },
        reason:
          'same phone, different e-mail and name (tomas.okafor@example.net here, mira.okafor@example.net in the match; Tomas Okafor here, Mira Okafor in the match): a different person?',
      },
      {
        name: 'Jonas Reyes',
        match: { line: 4, by: 'email' },
        reason: expect.stringMatching(/^same e-mail, different name/),
      },
    ]);
    const done = (await bob.call('POST', `/api/v1/imports/${preview.id}/commit`, {})).json();
    expect(done.result).toEqual({ created: 4, merged: 1, skipped: 0, lifeEvents: 0 });
  });

  it('keeps namesakes at one employer apart by their LinkedIn profiles; a chosen merge is honoured', async () => {
    const cy = await signUp(t.app, `cy${dialect}@example.com`, 'Cy');
    const preview = (await upload(t.app, cy, fixtureBytes('linkedin-same-name-company.csv'))).json();
    expect(preview.sample.map((r: { status: string }) => r.status)).toEqual([
      'new',
      'conflict',
      'conflict',
      'new',
      'conflict',
      'merge',
    ]);
    expect(preview.sample[5]).toMatchObject({ match: { line: 5, by: 'linkedin' } });
    // The person says line 7's Wei is the first one after all.
    const done = (
      await cy.call('POST', `/api/v1/imports/${preview.id}/commit`, { rows: { '7': 'merge' } })
    ).json();
    expect(done.result).toEqual({ created: 4, merged: 2, skipped: 0, lifeEvents: 1 });
  });
});
