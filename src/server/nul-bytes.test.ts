import { describe, expect, it } from 'vitest';
import { findNul } from './nul-bytes';

describe('findNul', () => {
  it('names the first field holding a NUL byte', () => {
    expect(findNul({ a: 'ok', b: [{ c: 'x' }, { c: 'y\u0000z' }] })).toBe('b.1.c');
    expect(findNul('\u0000')).toBe('');
    expect(findNul({ 'k\u0000': 1 })).toBe('k\\0');
    expect(findNul({ a: 'fine', n: 3, t: true, z: null })).toBeNull();
    expect(findNul(Buffer.from([0, 0]))).toBeNull();
  });

  it('walks a body nested far deeper than the call stack', () => {
    let deep: unknown = 'bad\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findNul(deep)).toMatch(/^0(\.0)*$/);
  });
});
