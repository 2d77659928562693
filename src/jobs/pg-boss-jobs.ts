import PgBoss from 'pg-boss';
import type { Jobs } from './jobs';

const QUEUE = 'tend-tick';

/** The every-minute tick through pg-boss: one scheduled job a minute, worked by whichever instance fetches it. */
export async function startPgBossJobs(
  connectionString: string,
  run: () => Promise<void>,
  options: { pollSeconds: number; onError: (error: unknown) => void },
): Promise<Jobs> {
  const boss = new PgBoss({ connectionString, max: 2, application_name: 'tend-jobs' });
  boss.on('error', options.onError);
  await boss.start();
  // Several instances start together: creating the queue twice is harmless, so a lost race is ignored.
  if (!(await boss.getQueue(QUEUE))) {
    await boss.createQueue(QUEUE, { name: QUEUE, policy: 'stately' }).catch(async (error: unknown) => {
      if (!(await boss.getQueue(QUEUE))) throw error;
    });
  }
  await boss.schedule(QUEUE, '* * * * *', {}, { tz: 'UTC' });
  await boss.work(QUEUE, { pollingIntervalSeconds: options.pollSeconds }, async () => {
    await run();
  });
  return {
    runNow: async () => {
      await boss.send(QUEUE, {});
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }),
  };
}
