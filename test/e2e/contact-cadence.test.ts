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

describe("the contact page's cadence (F4)", () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the circle default, sets their own cadence by keyboard, and goes back to the default', async () => {
    const context = await h.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'Europe/London',
    });
    await signUpInContext(context);
    const mentors = (await apiPost(context, '/circles', {
      name: 'Mentors',
      kind: 'mentor',
      cadence: { kind: 'quarterly' },
    })) as { id: string };
    const grace = (await apiPost(context, '/contacts', {
      firstName: 'Grace',
      lastName: 'Hopper',
      circleId: mentors.id,
    })) as { id: string };
    const stored = async () =>
      ((await (await context.request.get(`/api/v1/contacts/${grace.id}`)).json()) as { cadence: unknown })
        .cadence;
    const page = await context.newPage();
    await page.goto(`/contacts/${grace.id}`);
    const select = page.getByRole('combobox', { name: 'Cadence' });
    await expect.poll(() => select.inputValue()).toBe('Circle default (Mentors: quarterly)');
    await page.getByText('Circle default, Mentors: quarterly').waitFor();

    // Keyboard only: focus the select, open it, walk down to "Monthly", Enter.
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Monthly' }).waitFor();
    for (let i = 0; i < 10; i++) {
      const selected = await page.locator('[role="option"][data-combobox-selected]').textContent();
      if (selected === 'Monthly') break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.getByText('Their own cadence, monthly').waitFor();
    await expect.poll(stored).toEqual({ kind: 'monthly' });
    await expectNoSeriousA11y(page, 'contact page with its own cadence, light');
    await shot(page, 'contact-cadence-light.png', { fullPage: false });

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.mantineColorScheme === 'dark');
    await select.click();
    await page.getByRole('option', { name: 'Circle default (Mentors: quarterly)' }).click();
    await page.getByText('Circle default, Mentors: quarterly').waitFor();
    await expect.poll(stored).toBeNull();
    await expectNoSeriousA11y(page, 'contact page on the circle default, dark');
    await shot(page, 'contact-cadence-dark.png', { fullPage: false });
    expect(h.errors).toEqual([]);
  });

  it('fits a phone', async () => {
    const context = await h.newContext({ ...PHONE, timezoneId: 'Europe/London' });
    await signUpInContext(context, { email: 'mary@example.com', name: 'Mary Somerville' });
    const ada = (await apiPost(context, '/contacts', {
      firstName: 'Ada',
      lastName: 'Byron',
      cadence: { kind: 'yearly' },
    })) as { id: string };
    const page = await context.newPage();
    await page.goto(`/contacts/${ada.id}`);
    await page.getByText('Their own cadence, yearly').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousA11y(page, 'contact cadence on a phone');
    await shot(page, 'contact-cadence-phone.png', { fullPage: false });
    // No circle and no cadence of their own: the yearly default, said as such.
    const bob = (await apiPost(context, '/contacts', { firstName: 'Bob', lastName: 'Kahn' })) as {
      id: string;
    };
    await page.goto(`/contacts/${bob.id}`);
    await page.getByText('Default, no circle: yearly').waitFor();
    expect(await page.getByRole('combobox', { name: 'Cadence' }).inputValue()).toBe('Default (yearly)');
    expect(h.errors).toEqual([]);
  });

  for (const [label, options, scheme] of [
    ['light', { viewport: { width: 1280, height: 900 } }, 'light'],
    ['dark', { viewport: { width: 1280, height: 900 } }, 'dark'],
    ['phone', PHONE, 'light'],
  ] as const) {
    it(`sets a custom cadence from the picker, naming a bad number before it is sent (${label})`, async () => {
      const context = await h.newContext({ ...options, timezoneId: 'Europe/London', colorScheme: scheme });
      await signUpInContext(context, { email: `custom-${label}@example.com` });
      const mentors = (await apiPost(context, '/circles', {
        name: 'Mentors',
        kind: 'mentor',
        cadence: { kind: 'quarterly' },
      })) as { id: string };
      const grace = (await apiPost(context, '/contacts', {
        firstName: 'Grace',
        lastName: 'Hopper',
        circleId: mentors.id,
      })) as { id: string };
      const stored = async () =>
        ((await (await context.request.get(`/api/v1/contacts/${grace.id}`)).json()) as { cadence: unknown })
          .cadence;
      const page = await context.newPage();
      await page.goto(`/contacts/${grace.id}`);
      const select = page.getByRole('combobox', { name: 'Cadence' });
      await expect.poll(() => select.inputValue()).toBe('Circle default (Mentors: quarterly)');
      await select.click();
      await page.getByRole('option', { name: 'Custom…' }).click();
      const every = page.getByRole('textbox', { name: 'Every' });
      await every.fill('0');
      await page.getByRole('button', { name: 'Save cadence' }).click();
      await page.getByText('every: from 1 to 1000, not 0').waitFor();
      expect(await stored()).toBeNull();
      await expectNoSeriousA11y(page, `custom cadence with an error, ${label}`);
      await every.fill('3');
      const unit = page.getByRole('combobox', { name: 'Unit' });
      await unit.click();
      await page.getByRole('option', { name: 'weeks' }).click();
      await shot(page, `contact-cadence-custom-${label}.png`, { fullPage: false });
      await page.getByRole('button', { name: 'Save cadence' }).click();
      await page.getByText('Their own cadence, every 3 weeks').waitFor();
      await expect.poll(stored).toEqual({ kind: 'custom', every: 3, unit: 'weeks' });
      await expect.poll(() => select.inputValue()).toBe('Custom: every 3 weeks…');
      if (label === 'phone') expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await expectNoSeriousA11y(page, `custom cadence saved, ${label}`);
      expect(h.errors).toEqual([]);
    });
  }
});
