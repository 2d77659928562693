import { createHash } from 'node:crypto';
import { TooManyRequests } from '../core/errors';
import { blockedUntil, forgetBefore, signInGate } from '../core/sign-in-back-off';
import { countFailure, findThrottle, pruneThrottle, setBlockedUntil } from '../store/sign-in-throttle.repo';
import { type Deps, nowIso } from './deps';

/** The back-off key of an e-mail as typed, known or not (a hash: the table holds no addresses). */
export function throttleKey(email: string): string {
  return createHash('sha256').update(`sign-in:${email.trim().toLowerCase()}`).digest('hex');
}

/** Refuses with 429 while the e-mail's back-off runs (without checking the password). */
export async function requireSignInAllowed(deps: Deps, email: string): Promise<void> {
  const gate = signInGate(await findThrottle(deps.store.read, throttleKey(email)), nowIso(deps));
  if (!gate.allowed)
    throw new TooManyRequests(
      `too many failed sign-ins for this e-mail; try again in ${gate.retryAfterSeconds} s`,
      gate.retryAfterSeconds,
    );
}

/** Counts a failed password check for the e-mail and sets its back-off, in one transaction. */
export async function countSignInFailure(deps: Deps, email: string): Promise<void> {
  const now = nowIso(deps);
  const key = throttleKey(email);
  await deps.store.transaction(async (trx) => {
    await pruneThrottle(trx, forgetBefore(now), now);
    const failures = await countFailure(trx, key, now, forgetBefore(now));
    await setBlockedUntil(trx, key, blockedUntil(failures, now));
  });
}
