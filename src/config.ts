import { resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  TEND_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset for SQLite)')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SMTP_FROM: z.string().min(3).optional(),
  TEND_PUBLIC_URL: z.string().url().optional(),
  TEND_SIGNUP: z.enum(['open', 'closed']).default('closed'),
  TEND_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  TEND_SECRET: z.string().min(16, 'must be at least 16 characters (e.g. openssl rand -base64 32)').optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  /** The From of the digest and updates; default "Tend <tend@host of TEND_PUBLIC_URL>". */
  smtpFrom: string;
  publicUrl: string;
  /** Anyone may sign up; otherwise only the server's first user. */
  signupOpen: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (rate limits are per client). */
  trustProxy: boolean;
  /** Seals capture credentials; unset = a 0600 key file in the data directory (src/secret-key.ts). */
  secret: string | undefined;
}

/** Every environment variable Tend reads, parsed once; a bad value fails start-up with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const publicUrl = e.TEND_PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.TEND_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM ?? `Tend <tend@${new URL(publicUrl).hostname}>`,
    publicUrl,
    signupOpen: e.TEND_SIGNUP === 'open',
    trustProxy: e.TEND_TRUST_PROXY === '1',
    secret: e.TEND_SECRET,
  };
}
