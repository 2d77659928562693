import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../helpers/axe';
import {
  apiPost,
  type BrowserHarness,
  PHONE,
  SHOT_MAX_BYTES,
  shot,
  sidewaysOverflow,
  signUpInContext,
  startBrowserHarness,
} from '../helpers/browser';
import { zipFile } from '../helpers/zip-file';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/capture/${name}`, import.meta.url));
const SECTION = 'section[aria-label="Sources"]';

describe('LinkedIn and WhatsApp in Settings → Sources', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reads a WhatsApp chat with the contact it is with, asking the date order, and a messages.csv', async () => {
    const context = await h.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    await signUpInContext(context);
    const grace = (await apiPost(context, '/contacts', { firstName: 'Grace', lastName: 'Hopper' })) as {
      id: string;
    };
    const page = await context.newPage();
    await page.goto('/settings');
    const messages = page.locator('section[aria-label="LinkedIn and WhatsApp"]');
    await messages.waitFor();
    await messages.getByText('WhatsApp', { exact: true }).click();
    await messages.getByPlaceholder('Search contacts').fill('Grace');
    await page.getByRole('option', { name: 'Grace Hopper' }).click();
    await messages.getByRole('switch', { name: /Keep the message texts/ }).check();
    await messages.locator('input[type=file]').setInputFiles(fixture('whatsapp-ambiguous.txt'));
    await messages.getByText(/every date in this chat reads both ways/).waitFor();
    await messages.getByRole('radio', { name: /day first/ }).check();
    await shot(page, 'capture-messages-date-order.png', { fullPage: false, maxBytes: SHOT_MAX_BYTES });
    expect(await seriousA11yViolations(page, SECTION)).toEqual([]);
    await messages.getByRole('button', { name: 'Read it again' }).click();
    const row = page.getByRole('row', { name: /whatsapp-ambiguous\.txt/ });
    await row.getByText('WhatsApp chat').waitFor();
    await expect.poll(async () => row.innerText()).toMatch(/3 \/ 3 \/ 0/);
    expect(await row.getByRole('switch', { name: /Keep message texts/ }).isChecked()).toBe(true);

    await messages.getByText('LinkedIn', { exact: true }).click();
    await messages.locator('input[type=file]').setInputFiles(fixture('linkedin-messages.csv'));
    await page
      .getByRole('row', { name: /linkedin-messages\.csv/ })
      .getByText('LinkedIn messages')
      .waitFor();
    await page.getByRole('table', { name: 'Suggested contacts' }).getByText('Alan Turing').waitFor();
    await page.getByRole('table', { name: 'Sources' }).scrollIntoViewIfNeeded();
    await shot(page, 'capture-messages.png', {
      fullPage: false,
      docs: 'capture-messages.png',
      maxBytes: SHOT_MAX_BYTES,
    });
    expect(await seriousA11yViolations(page, SECTION)).toEqual([]);

    await page.goto(`/contacts/${grace.id}`);
    await page.getByText('Coffee soon?').first().waitFor();
    expect(h.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  it('fits a phone in dark mode', async () => {
    const context = await h.newContext({ ...PHONE, colorScheme: 'dark' });
    await signUpInContext(context, { email: 'mary@example.com', name: 'Mary' });
    const grace = (await apiPost(context, '/contacts', { firstName: 'Grace', lastName: 'Hopper' })) as {
      id: string;
    };
    await apiPost(context, '/sources', { kind: 'whatsapp', name: 'Grace on WhatsApp', contactId: grace.id });
    const page = await context.newPage();
    await page.goto('/settings');
    const messages = page.locator('section[aria-label="LinkedIn and WhatsApp"]');
    await messages.getByText('WhatsApp', { exact: true }).click();
    const row = page.getByRole('row', { name: /Grace on WhatsApp/ });
    await row.waitFor();
    // The phone's own export: the chat .txt zipped with a photo, picked as it is.
    const dir = mkdtempSync(join(tmpdir(), 'tend-e2e-zip-'));
    try {
      const zip = join(dir, 'WhatsApp Chat - Grace Hopper.zip');
      writeFileSync(
        zip,
        zipFile([
          { name: '_chat.txt', data: readFileSync(fixture('whatsapp-ios.txt')) },
          { name: '00000004-PHOTO-2024-03-11-09-02-00.jpg', data: new Uint8Array(4096).fill(1), method: 0 },
        ]),
      );
      await row.locator('input[type=file]').setInputFiles(zip);
      await expect.poll(async () => row.innerText()).toMatch(/\d+ \/ [1-9]\d* \/ 0/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await messages.scrollIntoViewIfNeeded();
    await shot(page, 'capture-messages-dark-phone.png', {
      fullPage: false,
      docs: 'capture-messages-dark-phone.png',
      maxBytes: SHOT_MAX_BYTES,
    });
    expect(await seriousA11yViolations(page, SECTION)).toEqual([]);
    // The first test's 400 (the date order it had to ask for) is the point of that test.
    expect(h.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});
