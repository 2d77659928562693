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

describe('circle colours (F2)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const [label, options, scheme] of [
    ['light', { viewport: { width: 1280, height: 900 } }, 'light'],
    ['dark', { viewport: { width: 1280, height: 900 } }, 'dark'],
    ['phone', PHONE, 'light'],
  ] as const) {
    it(`colours a circle on the Circles page and shows its dot on the contact list and page (${label})`, async () => {
      const context = await h.newContext({ ...options, timezoneId: 'Europe/London', colorScheme: scheme });
      await signUpInContext(context, { email: `${label}@example.com` });
      const circle = (await apiPost(context, '/circles', {
        name: 'Book club',
        cadence: { kind: 'monthly' },
      })) as {
        id: string;
      };
      const grace = (await apiPost(context, '/contacts', {
        firstName: 'Grace',
        lastName: 'Hopper',
        circleId: circle.id,
      })) as { id: string };
      const page = await context.newPage();
      await page.goto('/circles');
      const select = page.getByRole('combobox', { name: 'Colour of Book club' });
      await expect.poll(() => select.inputValue()).toBe('No colour');

      // Keyboard only: focus, open, walk down to Blue, Enter.
      await select.focus();
      await page.keyboard.press('ArrowDown');
      await page.getByRole('option', { name: 'Blue' }).waitFor();
      for (let i = 0; i < 12; i++) {
        const selected = await page.locator('[role="option"][data-combobox-selected]').textContent();
        if (selected === 'Blue') break;
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      await page.getByText('Book club is blue').waitFor();

      // A new circle takes its colour in the form itself, from the same palette.
      const form = page.getByRole('form', { name: 'New circle' });
      await form.getByRole('textbox', { name: 'New circle' }).fill('Founders');
      await form.getByRole('combobox', { name: 'Colour' }).click();
      await page.getByRole('option', { name: 'Green' }).click();
      await expectNoSeriousA11y(page, `new circle form with a colour, ${label}`);
      await form.getByRole('button', { name: 'Create circle' }).click();
      await page.getByText('Circle “Founders” created').waitFor();
      await expect
        .poll(() => page.getByRole('combobox', { name: 'Colour of Founders' }).inputValue())
        .toBe('Green');
      expect(await form.getByRole('combobox', { name: 'Colour' }).inputValue()).toBe('No colour');
      const stored = async () =>
        (
          (await (await context.request.get('/api/v1/circles')).json()) as {
            items: { id: string; color: string | null }[];
          }
        ).items.find((c) => c.id === circle.id)?.color;
      await expect.poll(stored).toBe('#1971c2');
      const founders = (
        (await (await context.request.get('/api/v1/circles')).json()) as {
          items: { name: string; color: string | null }[];
        }
      ).items.find((c) => c.name === 'Founders');
      expect(founders?.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await expectNoSeriousA11y(page, `circles page, ${label}`);
      await shot(page, `circle-color-circles-${label}.png`, { fullPage: false });

      await page.goto('/contacts');
      await page.getByText('Grace Hopper').first().waitFor();
      await page.locator('[data-circle-color="#1971c2"]').first().waitFor();
      await expectNoSeriousA11y(page, `contacts list with a coloured circle, ${label}`);
      await shot(page, `circle-color-contacts-${label}.png`, { fullPage: false });

      await page.goto(`/contacts/${grace.id}`);
      await page.getByRole('heading', { name: 'Grace Hopper' }).waitFor();
      await page.locator('[data-circle-color="#1971c2"]').waitFor();
      await expectNoSeriousA11y(page, `contact page with a coloured circle, ${label}`);
      await shot(page, `circle-color-contact-${label}.png`, { fullPage: false });
      expect(h.errors).toEqual([]);
    });
  }
});
