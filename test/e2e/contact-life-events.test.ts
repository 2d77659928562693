import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11y } from '../helpers/axe';
import {
  apiPost,
  type BrowserHarness,
  PHONE,
  shot,
  sidewaysOverflow,
  signUpInContext,
  startBrowserHarness,
} from '../helpers/browser';

describe("the contact page's life events (F10)", () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const [label, options, scheme] of [
    ['light', { viewport: { width: 1280, height: 900 } }, 'light'],
    ['dark phone', PHONE, 'dark'],
  ] as const) {
    it(`edits a life event in place, by keyboard (${label})`, async () => {
      const context = await h.newContext({ ...options, timezoneId: 'Europe/London', colorScheme: scheme });
      await signUpInContext(context, { email: `${scheme}@example.com` });
      const grace = (await apiPost(context, '/contacts', { firstName: 'Grace', lastName: 'Hopper' })) as {
        id: string;
      };
      const ev = (await apiPost(context, `/contacts/${grace.id}/life-events`, {
        kind: 'promotion',
        title: 'Now a commodore',
        occurredOn: '2026-03-05',
      })) as { id: string };
      const page = await context.newPage();
      await page.goto(`/contacts/${grace.id}`);
      const card = page.getByRole('region', { name: 'Life events' });
      await card.getByText('Now a commodore').waitFor();

      await card.getByRole('button', { name: 'Edit Promotion Now a commodore' }).focus();
      await page.keyboard.press('Enter');
      const form = card.getByRole('form', { name: 'Edit life event' });
      const what = form.getByRole('textbox', { name: 'What happened' });
      expect(await what.inputValue()).toBe('Now a commodore');
      await what.fill('Now a rear admiral');
      await form.getByLabel('When').fill('2026-03-06');
      await expectNoSeriousA11y(page, `life event form, ${label}`);
      await what.press('Enter');
      await card.getByText('Now a rear admiral').waitFor();
      await form.waitFor({ state: 'detached' });
      const stored = (await (
        await context.request.get(`/api/v1/contacts/${grace.id}/life-events`)
      ).json()) as {
        items: { id: string; title: string; occurredOn: string }[];
      };
      expect(stored.items).toMatchObject([
        { id: ev.id, title: 'Now a rear admiral', occurredOn: '2026-03-06' },
      ]);
      // The timeline shows the corrected event too.
      await page.getByLabel('Timeline').getByText('Now a rear admiral').waitFor();

      // Escape leaves an edit without saving.
      await card.getByRole('button', { name: 'Edit Promotion Now a rear admiral' }).click();
      await form.getByRole('textbox', { name: 'What happened' }).fill('Discarded');
      await form.getByRole('textbox', { name: 'What happened' }).press('Escape');
      await form.waitFor({ state: 'detached' });
      await card.getByText('Now a rear admiral').waitFor();

      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await expectNoSeriousA11y(page, `contact page after an edit, ${label}`);
      await card.scrollIntoViewIfNeeded();
      await shot(page, `contact-life-events-${label.replace(' ', '-')}.png`, { fullPage: false });
      expect(h.errors).toEqual([]);
    });
  }
});
