import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyTable, keyHash } from './key-table';

describe('KeyTable', () => {
  it('answers as a Map does, for any keys (wide, lone surrogates, empty) and values', () => {
    const op = fc.tuple(
      fc.constantFrom('set', 'get', 'has'),
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 12 }),
        fc.constantFrom('', 'a', 'A', 'ä', 'zoë', 'zoe', '\u0100', '\u00ff', 'linkedin.com/in/x'),
      ),
      fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const table = new KeyTable();
        const map = new Map<string, number>();
        for (const [kind, key, value] of ops) {
          if (kind === 'set') {
            table.set(key, value);
            map.set(key, value);
          } else if (kind === 'get' ? table.get(key) !== map.get(key) : table.has(key) !== map.has(key))
            return false;
        }
        return table.size === map.size && [...map].every(([key, value]) => table.get(key) === value);
      }),
    );
  });

  it('keeps many keys, and keys longer than a page, apart', () => {
    const table = new KeyTable();
    for (let i = 0; i < 50_000; i++) table.set(`linkedin.com/in/person-${i}`, i);
    const long = 'x'.repeat((1 << 20) + 5);
    table.set(long, -7);
    table.set(`${long}\u0101`, -8);
    expect(table.size).toBe(50_002);
    for (let i = 0; i < 50_000; i += 997) expect(table.get(`linkedin.com/in/person-${i}`)).toBe(i);
    expect(table.get('linkedin.com/in/person-50000')).toBeUndefined();
    expect(table.get(long)).toBe(-7);
    expect(table.get(`${long}\u0101`)).toBe(-8);
    expect(table.get(`${long}\u0001`)).toBeUndefined();
  });

  it('tells apart two keys of the same hash', () => {
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair && i < 400_000; i++) {
      const key = `k${i}`;
      const other = seen.get(keyHash(key));
      if (other === undefined) seen.set(keyHash(key), key);
      else pair = [other, key];
    }
    if (!pair) throw new Error('no two keys of the same hash among 400,000');
    const table = new KeyTable();
    table.set(pair[0], 1);
    expect(table.has(pair[1])).toBe(false);
    table.set(pair[1], 2);
    expect([table.get(pair[0]), table.get(pair[1]), table.size]).toEqual([1, 2, 2]);
  });

  it('takes 32-bit integers only', () => {
    const table = new KeyTable();
    expect(() => table.set('a', 2 ** 31)).toThrow(RangeError);
    expect(() => table.set('a', 1.5)).toThrow(RangeError);
    expect(table.has('a')).toBe(false);
  });
});
