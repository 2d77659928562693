import { z } from 'zod';
import { TOKEN_SCOPES } from '../core/token-scopes';
import { Id, IsoDateTime, requiredText, TimeZone, WorkingHours } from './common';

export const SignUp = z
  .object({
    name: requiredText(100),
    email: z.email('must be a valid e-mail address').max(320),
    password: z.string().min(10, 'must be at least 10 characters').max(200),
    timeZone: TimeZone.default('UTC'),
  })
  .strict();
export type SignUp = z.infer<typeof SignUp>;

/**
 * The answer to a sign-up on a server with open sign-up that already has users: the same whether
 * the e-mail was free (the account now exists; sign in) or taken (nothing changed), so sign-up
 * never tells anyone who has an account here.
 */
export const SignUpAccepted = z.object({
  status: z.literal('accepted'),
  detail: z.string(),
});
export type SignUpAccepted = z.infer<typeof SignUpAccepted>;

export const SignIn = z.object({ email: z.string().trim().max(320), password: z.string().max(200) }).strict();
export type SignIn = z.infer<typeof SignIn>;

export const Me = z.object({
  userId: Id,
  accountId: Id,
  name: z.string(),
  email: z.string(),
  timeZone: z.string(),
  dailySize: z.number().int(),
  weeklyBudget: z.number().int(),
  workingHours: z
    .object({ start: z.string(), end: z.string(), days: z.array(z.number().int()) })
    .describe('yours, for catch-up slots (F15)'),
});
export type Me = z.infer<typeof Me>;

export const AuthState = z.object({ signupOpen: z.boolean(), hasUsers: z.boolean(), me: Me.nullable() });
export type AuthState = z.infer<typeof AuthState>;

export const SettingsPatch = z
  .object({
    timeZone: TimeZone.optional(),
    dailySize: z.number().int().min(1).max(100).optional(),
    weeklyBudget: z.number().int().min(1).max(500).optional(),
    workingHours: WorkingHours.nullable().optional().describe('null: back to 09:00–17:30, Mon–Fri'),
  })
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const TokenScope = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof TokenScope>;

export const TokenCreate = z
  .object({
    name: requiredText(100),
    scopes: z
      .array(TokenScope)
      .min(1, 'pick at least one scope')
      .max(TOKEN_SCOPES.length)
      .default(['write'])
      .describe(
        'read; write (includes read); dav (CardDAV/CalDAV only); admin (tokens, backup export, feeds)',
      ),
    expiresAt: IsoDateTime.optional().describe('omit for a token that never expires'),
  })
  .strict();
export type TokenCreate = z.infer<typeof TokenCreate>;
export const Token = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(TokenScope),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type Token = z.infer<typeof Token>;
export const TokenList = z.object({ items: z.array(Token) });
/** The secret appears in this response only; the server keeps a hash. */
export const CreatedToken = Token.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof CreatedToken>;

export const PasswordChange = z
  .object({
    currentPassword: z.string().max(200),
    newPassword: z.string().min(10, 'must be at least 10 characters').max(200),
  })
  .strict();
export type PasswordChange = z.infer<typeof PasswordChange>;
export const PasswordChanged = z.object({
  signedOutSessions: z.number().int().describe('your other sessions, now ended; API tokens keep working'),
});
export type PasswordChanged = z.infer<typeof PasswordChanged>;

export const Session = z.object({
  id: Id,
  createdAt: z.string(),
  lastSeenAt: z.string().nullable(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  current: z.boolean().describe('the session this request came with'),
});
export type Session = z.infer<typeof Session>;
export const SessionList = z.object({ items: z.array(Session) });
export type SessionList = z.infer<typeof SessionList>;
export const SessionsRevoked = z.object({ revoked: z.number().int() });
export type SessionsRevoked = z.infer<typeof SessionsRevoked>;

/** `tend admin reset-password` (local only): the password is generated when omitted. */
export const PasswordReset = z
  .object({ email: z.string().trim().max(320), password: z.string().max(200).optional() })
  .strict();
export type PasswordReset = z.infer<typeof PasswordReset>;
export const PasswordResetDone = z.object({
  email: z.string(),
  generatedPassword: z.string().nullable().describe('set when no password was given'),
  signedOutSessions: z.number().int(),
});
export type PasswordResetDone = z.infer<typeof PasswordResetDone>;
