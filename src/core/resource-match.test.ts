import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ContactProfile,
  factPatterns,
  foldText,
  matchContacts,
  matchResources,
  sawThisDetail,
  topicWords,
} from './resource-match';

const profile = (contactId: string, p: Partial<ContactProfile> = {}): ContactProfile => ({
  contactId,
  facts: [],
  topics: [],
  industry: null,
  ...p,
});

describe('topicWords', () => {
  it('folds case and accents and drops stop words and bare numbers', () => {
    expect(foldText('Café CRÈME Straße')).toBe('cafe creme strasse');
    expect(topicWords('The 10 best tips for Écoles and the Rust compiler in 2026')).toEqual([
      'ecoles',
      'rust',
      'compiler',
    ]);
  });
  it('keeps non-Latin scripts as words, folded the same way on both sides', () => {
    expect(topicWords('機械学習 и нейросети')).toHaveLength(2);
    const ranked = matchContacts({ id: 'r', title: 'Нейросети', tags: ['機械学習'] }, [
      profile('a', { facts: [{ kind: 'interest', value: 'нейросети и 機械学習' }] }),
    ]);
    expect(ranked[0]?.matched).toHaveLength(2);
  });
});

describe('matchContacts', () => {
  const resource = { id: 'r1', title: 'Writing compilers in Rust', tags: ['Rust', 'compilers'] };

  it('ranks by the weight of what matched and names the matched words', () => {
    const ranked = matchContacts(resource, [
      profile('c-industry', { industry: 'Compilers' }),
      profile('c-working', { facts: [{ kind: 'working_on', value: 'a Rust compiler' }] }),
      profile('c-hobby', { facts: [{ kind: 'hobby', value: 'rust restoration of old cars' }] }),
      profile('c-none', { facts: [{ kind: 'interest', value: 'sailing' }], topics: ['jazz'] }),
    ]);
    expect(ranked).toEqual([
      // working_on (4) × tag (2) for both words.
      { contactId: 'c-working', score: 16, matched: ['compilers', 'rust'] },
      { contactId: 'c-hobby', score: 4, matched: ['rust'] },
      { contactId: 'c-industry', score: 2, matched: ['compilers'] },
    ]);
  });

  it('matches interaction topics and is blind to case, accents and plurals', () => {
    const ranked = matchContacts({ id: 'r', title: 'Résumé writing workshop', tags: [] }, [
      profile('a', { topics: ['RESUME', 'workshops'] }),
    ]);
    expect(ranked).toEqual([{ contactId: 'a', score: 4, matched: ['resume', 'workshop'] }]);
  });

  it('never matches on stop words alone', () => {
    expect(
      matchContacts({ id: 'r', title: 'The best of the year', tags: ['new'] }, [
        profile('a', { facts: [{ kind: 'interest', value: 'the best of the year is new' }] }),
      ]),
    ).toEqual([]);
  });

  it('breaks ties by contact id, whatever the input order', () => {
    const ps = ['c3', 'c1', 'c2'].map((id) => profile(id, { topics: ['rust'] }));
    expect(matchContacts(resource, ps).map((m) => m.contactId)).toEqual(['c1', 'c2', 'c3']);
  });

  it('is deterministic: the result does not depend on the order of contacts', () => {
    const words = ['rust', 'go', 'compilers', 'sailing', 'jazz', 'ml'];
    const arb = fc.array(
      fc.record({
        topics: fc.subarray(words),
        industry: fc.option(fc.constantFrom(...words), { nil: null }),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const ps = raw.map((r, i) => profile(`c${String(i).padStart(2, '0')}`, r));
        expect(matchContacts(resource, [...ps].reverse())).toEqual(matchContacts(resource, ps));
      }),
    );
  });
});

describe('matchResources', () => {
  it('ranks resources for one contact', () => {
    const p = profile('c', { facts: [{ kind: 'interest', value: 'Rust, climbing' }], industry: 'Fintech' });
    const ranked = matchResources(p, [
      { id: 'r1', title: 'Fintech weekly', tags: [] },
      { id: 'r2', title: 'Climbing gear', tags: ['rust'] },
      { id: 'r3', title: 'Knitting', tags: ['wool'] },
    ]);
    expect(ranked.map((m) => [m.resource.id, m.score, m.matched])).toEqual([
      ['r2', 9, ['rust', 'climbing']],
      ['r1', 1, ['fintech']],
    ]);
  });
});

describe('factPatterns', () => {
  it('gives substrings that find every spelling the matcher would accept', () => {
    const patterns = factPatterns([{ title: 'Companies writing compilers', tags: ['École'] }]);
    expect(patterns).toEqual(['compan', 'compiler', 'ecole', 'writing', 'école']);
    for (const fact of ['company', 'companies', 'a compiler', 'compilers', 'école', 'ecoles', 'writing']) {
      const words = matchContacts({ id: 'r', title: 'Companies writing compilers', tags: ['École'] }, [
        profile('a', { facts: [{ kind: 'interest', value: fact }] }),
      ]);
      expect(words, fact).toHaveLength(1);
      expect(
        patterns.some((p) => fact.includes(p)),
        fact,
      ).toBe(true);
    }
  });
});

describe('sawThisDetail', () => {
  it('names the title and at most three matched words', () => {
    expect(sawThisDetail('Rust 2026', ['rust', 'compilers', 'llvm', 'wasm'])).toBe(
      'Saw "Rust 2026" and thought of you (matches: rust, compilers, llvm)',
    );
  });
});
