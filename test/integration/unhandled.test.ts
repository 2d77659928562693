import { describe, expect, it } from 'vitest';

/*
 * test/setup/no-unhandled.ts fails a test during which an error went unhandled. This file shows it
 * can: with TEND_SHOW_UNHANDLED=1 the second test leaves a rejection unhandled and must FAIL
 * (`TEND_SHOW_UNHANDLED=1 npx vitest run --project db test/integration/unhandled.test.ts`).
 * Without the variable it is skipped, so the suite stays green.
 */
describe('the db project', () => {
  it('passes a test whose rejections are all handled', async () => {
    await expect(Promise.reject(new Error('handled'))).rejects.toThrow('handled');
  });

  it.runIf(process.env.TEND_SHOW_UNHANDLED === '1')(
    'fails a test that leaves a rejection unhandled',
    async () => {
      void Promise.reject(new Error('left unhandled on purpose'));
      await new Promise((resolve) => setTimeout(resolve, 10));
    },
  );
});
