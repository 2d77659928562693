import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownString } from './own-string';

describe('ownString', () => {
  it('is the same text, lone surrogates and controls included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => ownString(s) === s));
    expect(ownString('a\ud800b\u0000')).toBe('a\ud800b\u0000');
  });
});
