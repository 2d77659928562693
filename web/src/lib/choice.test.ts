import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choiceOf, choicesOf } from './choice';

const KINDS = ['birthday', 'anniversary', 'other'] as const;
const OPTIONS = KINDS.map((value) => ({ value, label: value.toUpperCase() }));

describe('choiceOf', () => {
  it('gives back a value only when it is one of the options, from plain lists and {value} lists alike', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...KINDS), fc.string(), fc.constant(null)), (value) => {
        const known = KINDS.some((k) => k === value);
        expect(choiceOf(KINDS, value)).toBe(known ? value : undefined);
        expect(choiceOf(OPTIONS, value)).toBe(known ? value : undefined);
      }),
    );
  });

  it('matches the value, not the label', () => {
    expect(choiceOf(OPTIONS, 'BIRTHDAY')).toBeUndefined();
  });
});

describe('choicesOf', () => {
  it('keeps the chosen order and leaves out what is not an option', () => {
    expect(choicesOf(OPTIONS, ['other', 'junk', 'birthday'])).toEqual(['other', 'birthday']);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...KINDS), fc.string())), (values) => {
        expect(choicesOf(KINDS, values)).toEqual(values.filter((v) => KINDS.some((k) => k === v)));
      }),
    );
  });
});
