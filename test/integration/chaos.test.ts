import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runChaos } from '../helpers/chaos';
import { buildServerBundle } from '../helpers/server-process';

// Two rounds here; `npm run chaos` runs many (CHAOS_ROUNDS) and prints the figures.
const ROUNDS = Number(process.env.CHAOS_ROUNDS ?? 2);

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('kill -9 during concurrent writes, then restart', () => {
  let build: { bundle: string; dir: string };
  beforeAll(() => {
    build = buildServerBundle();
  });
  afterAll(() => rmSync(build.dir, { recursive: true, force: true }));

  it.each(['sqlite', 'postgres'] as const)(
    'on %s loses no acknowledged write and leaves a sound database',
    { timeout: 60_000 + ROUNDS * 30_000 },
    async (dialect) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'tend-chaos-'));
      const name = `chaos_${randomBytes(5).toString('hex')}`;
      let databaseUrl: string | undefined;
      if (dialect === 'postgres') {
        await admin(`CREATE DATABASE ${name}`);
        databaseUrl = inject('pgAdminUrl').replace(/\/postgres$/, `/${name}`);
      }
      try {
        const result = await runChaos({ bundle: build.bundle, dataDir, databaseUrl, rounds: ROUNDS });
        console.log(`chaos ${dialect}: ${JSON.stringify(result)}`);
        expect(result.integrity).toBe('ok');
        expect(result.lost).toBe(0);
        // The rounds really wrote, and really cut writes short.
        expect(result.acknowledged).toBeGreaterThanOrEqual(ROUNDS * 5);
        expect(result.cut).toBeGreaterThan(0);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
        if (databaseUrl) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    },
  );
});
