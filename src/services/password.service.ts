import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { PasswordChange, PasswordChanged, PasswordReset, PasswordResetDone } from '../contract/auth';
import { Invalid, NotFound, Unauthorized } from '../core/errors';
import { deleteOtherSessions, findUser, findUserByEmail, updatePasswordHash } from '../store/accounts.repo';
import { clearThrottle } from '../store/sign-in-throttle.repo';
import { type Principal, sha256 } from './auth.service';
import type { Deps } from './deps';
import { requireStrongPassword } from './password-strength';
import { countSignInFailure, requireSignInAllowed, throttleKey } from './sign-in-throttle';

/**
 * Changes the caller's password: the current one is required (and wrong guesses count towards the
 * sign-in back-off, so a stolen session cannot brute-force it), the new one must be strong. Every
 * other session is signed out; API tokens are left alone (they are revoked one by one).
 */
export async function changePassword(
  deps: Deps,
  p: Principal,
  input: PasswordChange,
  cookie: string | undefined,
): Promise<PasswordChanged> {
  const user = await findUser(deps.store.read, p.accountId, p.userId);
  if (!user) throw new Unauthorized('sign in again');
  await requireSignInAllowed(deps, user.email);
  if (!(await verify(user.password_hash, input.currentPassword).catch(() => false))) {
    await countSignInFailure(deps, user.email);
    throw new Invalid('is not your current password', 'currentPassword');
  }
  if (input.newPassword === input.currentPassword)
    throw new Invalid('must differ from the current password', 'newPassword');
  await requireStrongPassword(input.newPassword, [user.email, user.name], 'newPassword');
  const passwordHash = await hash(input.newPassword);
  const keep = p.via === 'session' && cookie ? sha256(cookie) : null;
  const signedOutSessions = await deps.store.transaction(async (trx) => {
    await updatePasswordHash(trx, p.accountId, p.userId, passwordHash);
    return deleteOtherSessions(trx, p.accountId, p.userId, keep);
  });
  return { signedOutSessions };
}

/** A strong random password: 20 characters of base64url, 120 bits. */
function generatedPassword(): string {
  return randomBytes(15).toString('base64url');
}

/**
 * `tend admin reset-password EMAIL`, for the operator of the database (the local CLI only): sets a
 * new password (or generates one), signs every session of that user out and lifts its back-off.
 */
export async function resetPassword(deps: Deps, input: PasswordReset): Promise<PasswordResetDone> {
  const user = await findUserByEmail(deps.store.read, input.email.toLowerCase());
  if (!user) throw new NotFound(`no account with the e-mail ${input.email}`, 'email');
  const password = input.password ?? generatedPassword();
  await requireStrongPassword(password, [user.email, user.name], 'password');
  const passwordHash = await hash(password);
  const signedOutSessions = await deps.store.transaction(async (trx) => {
    await updatePasswordHash(trx, user.account_id, user.id, passwordHash);
    await clearThrottle(trx, throttleKey(user.email));
    return deleteOtherSessions(trx, user.account_id, user.id, null);
  });
  return { email: user.email, generatedPassword: input.password ? null : password, signedOutSessions };
}
