import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { startJobs } from '../../src/jobs/scheduler';
import type { Mailer } from '../../src/services/email/mailer';
import { enqueueMessage } from '../../src/services/email/outbox.service';
import { listOutbox } from '../../src/store/outbox.repo';
import { fixedClock, signUp, testApp } from '../helpers/app';
import { freshStore } from '../helpers/stores';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a PostgreSQL pool', () => {
  it('survives the server ending an idle connection (FATAL 57P01), and queries again', async () => {
    const store = await freshStore('postgres');
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // One idle connection in the pool, then the server ends it as a restart would.
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(store.db);
      const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
      await admin.connect();
      try {
        await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [rows[0]!.name],
        );
      } finally {
        await admin.end();
      }
      await vi.waitFor(() => expect(said).toHaveBeenCalledWith(expect.stringContaining('idle PostgreSQL')));
      // No uncaught exception (test/setup/no-unhandled.ts would fail this test) and a new connection works.
      const again = await sql<{ one: number }>`select 1 as one`.execute(store.db);
      expect(again.rows[0]?.one).toBe(1);
    } finally {
      await store.close();
    }
  });
});

describe('Jobs.stop on SQLite (the in-process runner)', () => {
  it('waits for the tick in progress, so the store closes after its last write', async () => {
    const store = await freshStore('sqlite');
    const t = await testApp(store);
    const ada = await signUp(t.app);
    await enqueueMessage(t.deps, store.read, ada.accountId, {
      kind: 'update',
      idempotencyKey: 'update:u1:c1',
      to: 'grace@example.com',
      subject: 'News',
      text: 'Hello',
      html: null,
    });
    let started!: () => void;
    const sending = new Promise<void>((resolve) => {
      started = resolve;
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // An SMTP server that takes its time: the tick is inside send() when stop() is called.
    const slowMailer: Mailer = {
      send: async () => {
        started();
        await released;
      },
      close: () => undefined,
    };
    const jobs = await startJobs(
      { ...t.deps, clock: fixedClock() },
      { publicUrl: 'https://t.example', mailer: slowMailer },
    );
    const ticking = jobs.runNow();
    await sending;
    let stopped = false;
    const stopping = jobs.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false);
    release();
    await stopping;
    await ticking;
    // The tick finished its write (sent) before stop() resolved; closing now loses nothing.
    expect((await listOutbox(store.read, ada.accountId, 10)).map((m) => m.status)).toEqual(['sent']);
    await t.app.close();
    await store.close();
  });
});
