import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOneOf } from './one-of';
import { CHANNELS } from './vocabulary';

describe('isOneOf', () => {
  it('agrees with membership in the list, for words and for anything else (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...CHANNELS), fc.string(), fc.integer(), fc.constant(null)),
        (v) => {
          expect(isOneOf(CHANNELS, v)).toBe(new Set<unknown>(CHANNELS).has(v));
        },
      ),
    );
    expect(isOneOf(CHANNELS, 'email')).toBe(true);
    expect(isOneOf(CHANNELS, 'fax')).toBe(false);
  });
});
