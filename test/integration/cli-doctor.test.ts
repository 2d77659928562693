import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTend } from '../helpers/tend-cli';

const doctor = (env: Record<string, string>) => runTend(['doctor'], env);

describe('tend doctor (the real binary, a fresh data directory)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tend-doctor-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // The first run may bundle the CLI (bin/tend.js): seconds on a loaded machine.
  it('passes on a fresh install, then fails naming the key file that others can read', {
    timeout: 90_000,
  }, async () => {
    const fresh = await doctor({ TEND_DATA_DIR: dataDir });
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toMatch(/^ok\s+database\s+.*tend\.db, schema up to date$/m);
    expect(fresh.stdout).toMatch(/^warn\s+smtp\s+SMTP_URL is not set/m);

    chmodSync(join(dataDir, 'secret.key'), 0o644);
    const leaky = await doctor({ TEND_DATA_DIR: dataDir, PORT: 'eighty' });
    expect(leaky.code).toBe(1);
    expect(leaky.stdout).toMatch(/^fail\s+configuration\s+Invalid configuration:/m);
    expect(leaky.stdout).toContain('PORT:');
    expect(leaky.stderr).toBe('tend: 1 check failed\n');

    const unreadable = await doctor({ TEND_DATA_DIR: dataDir });
    expect(unreadable.code).toBe(1);
    expect(unreadable.stdout).toMatch(
      /^fail\s+secret key\s+.*secret\.key can be read by others: run chmod 600/m,
    );
  });
});
