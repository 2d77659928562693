import sharp from 'sharp';
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

/** A portrait-ish test picture: a warm gradient with a dark disc, so a crop or a stretch would show. */
async function portrait(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="1200">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#f59f00"/><stop offset="1" stop-color="#c2255c"/></linearGradient></defs>
    <rect width="900" height="1200" fill="url(#g)"/><circle cx="450" cy="520" r="260" fill="#212529"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg().toBuffer();
}

describe('contact photos (F23)', () => {
  let h: BrowserHarness;
  let picture: Buffer;
  beforeAll(async () => {
    h = await startBrowserHarness();
    picture = await portrait();
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const [label, options, scheme] of [
    ['light', { viewport: { width: 1280, height: 900 } }, 'light'],
    ['dark', { viewport: { width: 1280, height: 900 } }, 'dark'],
    ['phone', PHONE, 'light'],
  ] as const) {
    it(`adds, shows, replaces and removes a photo on the contact page and the list (${label})`, async () => {
      const context = await h.newContext({ ...options, timezoneId: 'Europe/London', colorScheme: scheme });
      await signUpInContext(context, { email: `${label}@example.com` });
      const grace = (await apiPost(context, '/contacts', { firstName: 'Grace', lastName: 'Hopper' })) as {
        id: string;
      };
      await apiPost(context, '/contacts', { firstName: 'Alan', lastName: 'Turing' });
      const page = await context.newPage();
      await page.goto(`/contacts/${grace.id}`);
      await page.getByRole('heading', { name: 'Grace Hopper' }).waitFor();
      await page.getByText('GH', { exact: true }).waitFor();

      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Add photo' }).click();
      await (await chooser).setFiles({ name: 'grace.jpg', mimeType: 'image/jpeg', buffer: picture });
      const img = page.locator('img[src*="/photo?v="]');
      await img.waitFor();
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(384);
      await page.getByRole('button', { name: 'Replace photo' }).waitFor();
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await expectNoSeriousA11y(page, `contact page with a photo, ${label}`);
      await shot(page, `contact-photo-page-${label}.png`, { fullPage: false });

      await page.goto('/contacts');
      await page.getByText('Alan Turing').first().waitFor();
      await page.locator('img[src*="/photo?v="]').first().waitFor();
      await page.getByText('AT', { exact: true }).first().waitFor();
      await expectNoSeriousA11y(page, `contacts list with a photo, ${label}`);
      await shot(page, `contact-photo-list-${label}.png`, { fullPage: false });

      await page.goto(`/contacts/${grace.id}`);
      await page.getByRole('button', { name: 'Remove photo' }).click();
      await page.getByRole('button', { name: 'Add photo' }).waitFor();
      expect(await page.locator('img[src*="/photo?v="]').count()).toBe(0);
      await page.getByText('GH', { exact: true }).waitFor();
      expect(h.errors).toEqual([]);
    });
  }
});
