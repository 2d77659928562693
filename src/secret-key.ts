import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCode } from './core/error-code';

export const KEY_FILE = 'secret.key';

/**
 * The 32-byte key that seals capture credentials: from TEND_SECRET (hashed, so any long passphrase
 * works), else from `<data dir>/secret.key`, created on first use readable by the owner only.
 * Several instances on one PostgreSQL must share TEND_SECRET, or each seals with its own key.
 */
export function loadSecretKey(opts: { secret: string | undefined; dataDir: string }): Buffer {
  if (opts.secret) return createHash('sha256').update(opts.secret).digest();
  const path = join(opts.dataDir, KEY_FILE);
  mkdirSync(opts.dataDir, { recursive: true });
  try {
    writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  }
  if ((statSync(path).mode & 0o077) !== 0)
    throw new Error(`${path} can be read by others: run chmod 600 ${path} (it seals mailbox passwords)`);
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${path} is not a 32-byte base64 key; remove it to make a new one`);
  return key;
}
