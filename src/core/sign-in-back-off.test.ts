import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backOffDelayMs,
  blockedUntil,
  FIRST_DELAY_MS,
  FREE_FAILURES,
  MAX_DELAY_MS,
  signInGate,
} from './sign-in-back-off';

const NOW = '2026-03-10T09:00:00.000Z';

describe('sign-in back-off', () => {
  it('forgives a few typos, then waits 1 s doubling to 15 min', () => {
    expect([...Array(FREE_FAILURES).keys()].map(backOffDelayMs)).toEqual(Array(FREE_FAILURES).fill(0));
    expect(backOffDelayMs(FREE_FAILURES)).toBe(FIRST_DELAY_MS);
    expect(backOffDelayMs(FREE_FAILURES + 1)).toBe(2 * FIRST_DELAY_MS);
    expect(backOffDelayMs(FREE_FAILURES + 3)).toBe(8 * FIRST_DELAY_MS);
    expect(backOffDelayMs(FREE_FAILURES + 100)).toBe(MAX_DELAY_MS);
  });

  it('never decreases with more failures and never exceeds the cap (no lock-out for good)', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(backOffDelayMs(lo)).toBeLessThanOrEqual(backOffDelayMs(hi));
        expect(backOffDelayMs(hi)).toBeLessThanOrEqual(MAX_DELAY_MS);
      }),
    );
  });

  it('lets an attempt through exactly when the wait is over, with Retry-After in whole seconds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: FREE_FAILURES, max: 40 }),
        fc.nat(MAX_DELAY_MS + 5000),
        (failures, later) => {
          const until = blockedUntil(failures, NOW)!;
          const at = new Date(Date.parse(NOW) + later).toISOString();
          const gate = signInGate({ failures, blockedUntil: until, lastFailureAt: NOW }, at);
          const wait = Date.parse(until) - Date.parse(at);
          if (wait > 0) expect(gate).toEqual({ allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) });
          else expect(gate).toEqual({ allowed: true });
        },
      ),
    );
    expect(signInGate(undefined, NOW)).toEqual({ allowed: true });
  });
});
