import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPost,
  type BrowserHarness,
  PHONE,
  shot,
  sidewaysOverflow,
  signUpInContext,
  startBrowserHarness,
} from '../helpers/browser';

const REASON = 'Both <b>love</b> compilers';

describe('give before you ask (web)', () => {
  let h: BrowserHarness;
  let context: BrowserContext;
  let grace: { id: string };
  let alan: { id: string };

  beforeAll(async () => {
    h = await startBrowserHarness();
    context = await h.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/London' });
    await signUpInContext(context);
    grace = (await apiPost(context, '/contacts', {
      firstName: 'Grace',
      lastName: 'Hopper',
      emails: [{ value: 'grace@example.com', label: 'work' }],
      city: 'Arlington',
      timeZone: 'America/New_York',
    })) as { id: string };
    alan = (await apiPost(context, '/contacts', {
      firstName: 'Alan',
      lastName: 'Turing',
      emails: [{ value: 'alan@example.com', label: 'work' }],
      city: 'London',
      country: 'United Kingdom',
    })) as { id: string };
    await apiPost(context, `/contacts/${alan.id}/facts`, { kind: 'interest', value: 'compilers' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('warns on an ask with nothing given, shares a fitting resource and advances an introduction', async () => {
    const page = await context.newPage();

    // An ask with nothing given is still logged, with the yellow warning.
    await page.goto(`/contacts/${grace.id}`);
    await page.getByRole('heading', { level: 1, name: 'Grace Hopper' }).waitFor();
    await page.getByRole('button', { name: 'Log an ask' }).click();
    const askForm = page.getByRole('form', { name: 'Log an ask' });
    await askForm.getByLabel('Note').fill('Asked for a <i>reference</i>');
    await askForm.getByRole('button', { name: 'Log ask' }).click();
    const warning = page.getByRole('alert').filter({ hasText: 'Grace' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('give first');
    await page.getByLabel('Ledger entries').getByText('Asked for a <i>reference</i>').waitFor();
    await page.getByText('Balance −1').waitFor();
    expect(await page.locator('main i').count()).toBe(0);

    // A second ask: now she has been asked more than given.
    await page.getByRole('button', { name: 'Log an ask' }).click();
    await page.getByRole('form', { name: 'Log an ask' }).getByRole('button', { name: 'Log ask' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'You have asked more than you have given to Grace' })
      .waitFor();
    await page.getByText('Balance −2').waitFor();
    await shot(page, 'give.png');

    // Two suggested slots show both clocks; planning one offers the invitation.
    await page.getByRole('tab', { name: 'Catch-up' }).click();
    const slots = page.getByRole('list', { name: 'Suggested slots' });
    await slots.getByRole('listitem').first().waitFor();
    await page.getByText('theirs: America/New_York').waitFor();
    expect(await slots.getByText('theirs', { exact: false }).count()).toBeGreaterThan(0);
    await slots.getByRole('button', { name: 'Plan' }).first().click();
    const ics = page.getByRole('link', { name: 'Download .ics' });
    await ics.waitFor();
    expect(await ics.getAttribute('href')).toMatch(
      new RegExp(`^/api/v1/contacts/${grace.id}/catch-up\\.ics\\?`),
    );

    // A resource tagged with Alan's interest shows under "Resources that fit" on his page.
    await page.getByRole('link', { name: 'Resources', exact: true }).click();
    await page.getByRole('heading', { name: 'Resources', level: 1 }).waitFor();
    const add = page.getByRole('form', { name: 'Add resource' });
    await add.getByLabel('Title').fill('Writing a compiler <script>in a weekend</script>');
    await add.getByLabel('URL').fill('https://example.com/compiler');
    await add.getByLabel('Tags').fill('compilers');
    await add.getByLabel('Tags').press('Enter');
    await add.getByRole('button', { name: 'Add resource' }).click();
    const library = page.getByRole('list', { name: 'Resources' });
    const link = library.getByRole('link', { name: 'Writing a compiler <script>in a weekend</script>' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('https://example.com/compiler');
    await library.getByRole('button', { name: 'Who it fits' }).click();
    await page.getByRole('list', { name: 'Who it fits' }).getByText('Alan Turing').waitFor();
    await page.getByText('Network balance −2').waitFor();

    await page.goto(`/contacts/${alan.id}`);
    await page.getByRole('tab', { name: 'Resources that fit' }).click();
    const fits = page.getByRole('list', { name: 'Resources that fit' });
    await fits.getByText('Writing a compiler <script>in a weekend</script>').waitFor();
    await fits.getByText('Matches: compilers').waitFor();
    await fits.getByRole('combobox', { name: 'Channel to share with Alan Turing' }).click();
    await page.getByRole('option', { name: 'LinkedIn' }).click();
    await fits.getByRole('button', { name: 'Share' }).click();
    await page.getByText('Shared with Alan Turing').waitFor();
    await fits.getByRole('button', { name: 'Share again' }).waitFor();
    await page.getByRole('tab', { name: 'Ledger' }).click();
    await page.getByText('Balance +1').waitFor();
    await page.getByLabel('Timeline').getByText('LinkedIn', { exact: true }).first().waitFor();
    await shot(page, 'give-resource.png');

    // An introduction: pick both through the searchable select, then take the first step.
    await page.getByRole('link', { name: 'Introductions' }).click();
    await page.getByText('No introductions under way.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'New introduction' }).click();
    const form = page.getByRole('form', { name: 'New introduction' });
    await form.getByRole('combobox', { name: 'Introduce (A, asked first)' }).fill('Grace');
    await page.getByRole('option', { name: 'Grace Hopper' }).click();
    await form.getByRole('combobox', { name: 'To (B)' }).fill('Turing');
    await page.getByRole('option', { name: 'Alan Turing' }).click();
    await form.getByLabel('Why they should meet').fill(REASON);
    await form.getByRole('button', { name: 'Propose introduction' }).click();

    const card = page.getByRole('listitem', { name: 'Grace Hopper → Alan Turing' });
    await card.getByText(REASON, { exact: true }).waitFor();
    const mailto = card.getByRole('link', { name: 'Open in e-mail' });
    expect(await mailto.getAttribute('href')).toMatch(/^mailto:grace@example\.com\?/);
    await card.getByRole('button', { name: 'I asked Grace Hopper' }).click();
    await card.getByRole('button', { name: 'Grace Hopper agreed' }).waitFor();
    await card.getByRole('button', { name: 'They declined' }).waitFor();
    const intros: { items: { stage: string }[] } = await (
      await context.request.get('/api/v1/introductions?open=true')
    ).json();
    expect(intros.items.map((i) => i.stage)).toEqual(['asked_a']);
    expect(await page.locator('main b').count()).toBe(0);
    await shot(page, 'give-introductions.png');

    // A trip to London finds Alan.
    await page.getByRole('link', { name: 'Trips' }).click();
    const trip = page.getByRole('form', { name: 'Add trip' });
    await trip.getByLabel('City').fill('London');
    await trip.getByLabel('From').fill('2030-06-01');
    await trip.getByLabel('To').fill('2030-06-04');
    await trip.getByRole('button', { name: 'Add trip' }).click();
    await page.getByRole('list', { name: 'Trips' }).getByRole('button', { name: 'Who is there' }).click();
    await page.getByRole('list', { name: 'Who is there' }).getByText('Alan Turing').waitFor();

    expect(h.errors).toEqual([]);
  });

  it('fits a 390-px phone in dark mode', async () => {
    const phone = await h.newContext({
      storageState: await context.storageState(),
      ...PHONE,
      colorScheme: 'dark',
      timezoneId: 'Europe/London',
    });
    const page = await phone.newPage();
    await page.goto(`/contacts/${grace.id}`);
    await page.getByText('Balance −2').waitFor();
    expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'give-contact-phone.png');
    await page.getByRole('tab', { name: 'Catch-up' }).click();
    await page.getByRole('link', { name: 'Download .ics' }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'give-catch-up-phone.png');

    for (const [path, ready, name] of [
      ['/introductions', 'Step 3 of 7: A agreed', 'give-introductions-phone.png'],
      ['/resources', 'Network balance', 'give-resources-phone.png'],
      ['/trips', 'Who is there', 'give-trips-phone.png'],
    ] as const) {
      await page.goto(path);
      await page.getByText(ready, { exact: false }).first().waitFor();
      expect(await sidewaysOverflow(page), path).toBeLessThanOrEqual(0);
      await shot(page, name);
    }
    expect(h.errors).toEqual([]);
  });
});
