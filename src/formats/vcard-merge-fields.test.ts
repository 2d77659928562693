import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARD_FIELD_NAMES } from '../core/vocabulary';
import type { ContactLike } from './imported-contact';
import { changedFields, clashingFields, pickFields } from './vcard-merge';

const base: ContactLike = {
  firstName: 'Grace',
  lastName: 'Hopper',
  title: 'Captain',
  emails: [{ value: 'grace@navy.example' }],
  phones: [],
  tags: ['navy'],
};

/** One side's edit: for each field, keep it, change it, or remove it. */
const side: fc.Arbitrary<Partial<ContactLike>> = fc.record({
  title: fc.constantFrom(undefined, 'Captain', 'Commodore', 'Rear Admiral'),
  company: fc.constantFrom(undefined, 'Navy', 'Harvard'),
  city: fc.constantFrom(undefined, 'Arlington'),
  emails: fc.constantFrom<ContactLike['emails']>(
    [{ value: 'grace@navy.example' }],
    [{ value: 'grace@harvard.example' }],
    [],
  ),
  tags: fc.constantFrom<ContactLike['tags']>(['navy'], ['navy', 'cobol'], []),
});
const edited = (e: Partial<ContactLike>): ContactLike => ({ ...base, ...e });

describe('three-way comparison of a card', () => {
  it('names the fields that differ', () => {
    expect(changedFields(base, { ...base, title: 'Commodore', city: 'Arlington' })).toEqual([
      'title',
      'address',
    ]);
    expect(changedFields(base, { ...base, tags: ['NAVY'] })).toEqual([]);
  });

  it('lists only the fields both sides changed to different values', () => {
    fc.assert(
      fc.property(side, side, (t, r) => {
        const tend = edited(t);
        const remote = edited(r);
        const clash = clashingFields(base, tend, remote).map((c) => c.field);
        const tendChanged = changedFields(base, tend);
        const remoteChanged = changedFields(base, remote);
        for (const f of CARD_FIELD_NAMES) {
          const expected =
            tendChanged.includes(f) && remoteChanged.includes(f) && changedFields(tend, remote).includes(f);
          expect(clash.includes(f)).toBe(expected);
        }
      }),
    );
  });

  it('merging without a clash keeps every change of both sides', () => {
    fc.assert(
      fc.property(side, side, (t, r) => {
        const tend = edited(t);
        const remote = edited(r);
        fc.pre(clashingFields(base, tend, remote).length === 0);
        const merged = pickFields(tend, remote, changedFields(base, remote));
        // What the book changed is in, what Tend changed is kept, nothing else moved.
        for (const f of changedFields(base, remote)) expect(changedFields(merged, remote)).not.toContain(f);
        for (const f of changedFields(base, tend)) expect(changedFields(merged, tend)).not.toContain(f);
        for (const f of changedFields(base, merged))
          expect([...changedFields(base, tend), ...changedFields(base, remote)]).toContain(f);
      }),
    );
  });
});
