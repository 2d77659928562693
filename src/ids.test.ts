import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { newId, newIdAt } from './ids';

describe('newId', () => {
  it('makes valid, unique v7 ids that sort in creation order, even many per millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => newIdAt(1_795_456_088_564));
    expect(ids.every((id) => validate(id) && version(id) === 7)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('puts the time in the first 48 bits', () => {
    const id = newIdAt(Date.UTC(2030, 0, 1));
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(
      Date.UTC(2030, 0, 1),
    );
    expect(id[19]).toMatch(/[89ab]/);
  });

  it('is valid when called without arguments', () => {
    expect(version(newId())).toBe(7);
  });

  it('never goes backwards when the clock does', () => {
    const a = newIdAt(Date.UTC(2031, 0, 1));
    const b = newIdAt(Date.UTC(2020, 0, 1));
    expect(b > a).toBe(true);
  });
});
