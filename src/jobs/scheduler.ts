import { Cron } from 'croner';
import { calendarTick } from '../services/capture/capture-calendar';
import { captureTick } from '../services/capture/capture-imap';
import type { Deps } from '../services/deps';
import { type DigestTickReport, digestTick } from '../services/email/digest.service';
import { type DeliveryReport, deliverDue } from '../services/email/outbox.service';
import { type HealthRefreshReport, refreshStaleHealth } from '../services/health-refresh';
import { carddavTick } from '../services/sync/carddav.service';
import type { Jobs } from './jobs';
import type { Mailer } from './mailer';
import { startPgBossJobs } from './pg-boss-jobs';

export interface JobsOptions {
  /** Links in the digest point here (TEND_PUBLIC_URL). */
  publicUrl: string;
  /** null without SMTP_URL: digests are still queued, and wait in the outbox until SMTP is set up. */
  mailer: Mailer | null;
  /** How often a pg-boss worker looks for a due tick (seconds). */
  pollSeconds?: number;
  onError?: (error: unknown) => void;
}

export interface TickReport {
  digest: DigestTickReport;
  delivery: DeliveryReport | null;
  health: HealthRefreshReport;
}

export type { Jobs } from './jobs';

/**
 * One minute's work: queue the digests that are due, deliver what the outbox holds, and rescore the
 * health of a batch of contacts not yet scored today. `now` is deps.clock.
 */
export async function tick(
  deps: Deps,
  options: Pick<JobsOptions, 'publicUrl' | 'mailer'>,
): Promise<TickReport> {
  const digest = await digestTick(deps, options.publicUrl);
  const delivery = options.mailer ? await deliverDue(deps, options.mailer) : null;
  const health = await refreshStaleHealth(deps);
  return { digest, delivery, health };
}

/**
 * Starts the every-minute tick. SQLite is one process, so croner runs it in-process (`protect`
 * skips a tick while the last one still runs). On PostgreSQL (the store's jobRunner) pg-boss
 * schedules it, so several app instances share one tick a minute; either way the outbox's idempotency keys and conditional
 * claims are what guarantee one digest per day and one send per message.
 */
export async function startJobs(deps: Deps, options: JobsOptions): Promise<Jobs> {
  const onError = options.onError ?? ((error: unknown) => console.error('tend jobs:', error));
  // Mailbox syncs can take minutes: they run beside the tick, never more than one round at a time.
  let capturing: Promise<void> | null = null;
  const tickOnce = async () => {
    capturing ??= Promise.all([
      captureTick(deps, onError).then(() => calendarTick(deps, onError)),
      carddavTick(deps, onError),
    ])
      .then(() => {}, onError)
      .finally(() => {
        capturing = null;
      });
    const report = await tick(deps, options);
    for (const e of report.digest.errors) onError(new Error(`digest for ${e.accountId}: ${e.error}`));
  };
  // The ticks in progress (croner's and runNow's), so stop() can wait for them: closing the stores
  // under a running tick fails it half-way (a message sent but not marked sent goes out again).
  const inFlight = new Set<Promise<void>>();
  const run = () => {
    const current = tickOnce();
    inFlight.add(current);
    // Only bookkeeping: the failure itself reaches the caller of run (croner's catch, runNow).
    current.then(
      () => inFlight.delete(current),
      () => inFlight.delete(current),
    );
    return current;
  };
  const runner = deps.store.jobRunner;
  if (runner.kind === 'pg-boss') {
    const jobs = await startPgBossJobs(runner.connectionString, run, {
      pollSeconds: options.pollSeconds ?? 10,
      onError,
    });
    return { runNow: jobs.runNow, stop: async () => Promise.all([jobs.stop(), capturing]).then(() => {}) };
  }
  const cron = new Cron('* * * * *', { protect: true, catch: onError }, run);
  return {
    runNow: async () => {
      await run();
    },
    stop: async () => {
      cron.stop();
      await Promise.allSettled([...inFlight, capturing]);
    },
  };
}
