import { toMillis } from './instant';

/**
 * Per-account back-off on failed sign-ins (issue 15). The first FREE_FAILURES mistakes cost nothing
 * (typos); after that each further failure makes the next attempt wait 1 s, doubling up to 15 min.
 * The cap is the trade-off: someone who keeps guessing holds the owner to one attempt per 15 min
 * for as long as they keep at it, but can never lock the account for good, and sessions already
 * open keep working. Attempts refused while waiting are not counted, so they do not prolong it.
 */
export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 15 * 60_000;
/** A run of failures this long ago is forgotten. */
export const FORGET_AFTER_MS = 24 * 3_600_000;

export interface ThrottleState {
  failures: number;
  blockedUntil: string | null;
  lastFailureAt: string;
}

export type SignInGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** How long the attempt after the `failures`-th consecutive failure must wait (0 = none). */
export function backOffDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  const doublings = failures - FREE_FAILURES;
  // 2^10 s already exceeds 15 min; clamping the exponent keeps huge counts finite.
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(doublings, 20));
}

/** Whether a sign-in attempt at `now` may check the password, or how many seconds it must wait. */
export function signInGate(state: ThrottleState | undefined, now: string): SignInGate {
  if (!state?.blockedUntil) return { allowed: true };
  const wait = toMillis(state.blockedUntil) - toMillis(now);
  return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true };
}

/** Until when attempts wait after the `failures`-th failure at `now`; null when they need not. */
export function blockedUntil(failures: number, now: string): string | null {
  const delay = backOffDelayMs(failures);
  return delay === 0 ? null : new Date(toMillis(now) + delay).toISOString();
}

/** The earliest failure time still counted at `now`. */
export function forgetBefore(now: string): string {
  return new Date(toMillis(now) - FORGET_AFTER_MS).toISOString();
}
