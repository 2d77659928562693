import { isIP } from 'node:net';
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
  TEND_PRIVATE_FETCH: z.enum(['allow', 'deny']).optional(),
  TEND_TRUST_PROXY: z
    .string()
    .default('0')
    .transform((v, ctx) => {
      const parsed = parseTrustProxy(v);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
  TEND_SECRET: z.string().min(16, 'must be at least 16 characters (e.g. openssl rand -base64 32)').optional(),
});

/** A hop count (1 = the one proxy in front), a list of proxy IPs/CIDRs, or off. */
export type TrustProxy = false | number | string[];

function isCidrOrIp(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TEND_TRUST_PROXY: '0' (off), a hop count, or a comma-separated list of proxy IPs/CIDRs. Trusting
 * every hop ('true', 'all') is refused: the left-most X-Forwarded-For address is whatever the client
 * wrote, so every per-address limit could be dodged by changing it. Returns the reason as a string
 * when the value is refused.
 */
export function parseTrustProxy(value: string): TrustProxy | string {
  const v = value.trim();
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 10) return 'a hop count above 10 is surely a mistake (1 = one proxy in front of Tend)';
    return hops === 0 ? false : hops;
  }
  if (/^(true|all|yes|on|\*)$/i.test(v))
    return `'${v}' would trust every hop, and the left-most X-Forwarded-For address is whatever the client sends (spoofable, so sign-in rate limits could be dodged); give the number of proxies in front of Tend (e.g. 1) or their addresses (e.g. 10.0.0.0/8)`;
  const entries = v.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isCidrOrIp(e));
  if (bad.length > 0)
    return `must be 0, a hop count, or comma-separated proxy IPs/CIDRs; not an IP or CIDR: ${bad.map((b) => `'${b}'`).join(', ')}`;
  return entries;
}

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
  /**
   * Capture and sync may reach private networks (loopback, 10/8, 192.168/16 …) for a user: by
   * default yes on a one-person server, no once anyone may sign up (TEND_PRIVATE_FETCH overrides).
   */
  privateFetch: boolean;
  /**
   * Behind a reverse proxy: how many hops of X-Forwarded-For to trust, or which proxy addresses
   * (IPs/CIDRs); false = use the socket's address. Rate limits key on the client this yields.
   */
  trustProxy: TrustProxy;
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
    privateFetch: e.TEND_PRIVATE_FETCH ? e.TEND_PRIVATE_FETCH === 'allow' : e.TEND_SIGNUP !== 'open',
    trustProxy: e.TEND_TRUST_PROXY,
    secret: e.TEND_SECRET,
  };
}
