import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserHarness,
  MARY,
  PHONE,
  SHOT_MAX_BYTES,
  shot,
  sidewaysOverflow,
  signUpInContext,
  startBrowserHarness,
} from '../helpers/browser';

const HOSTILE = 'Grace <script>alert(1)</script>';

/** Console noise the flow causes on purpose: the 400 of the validation step, the wrong password. */
function unexpected(errors: string[]): string[] {
  return errors.filter(
    (e) => !/status of 400/.test(e) && !(/status of 401/.test(e) && e.includes('/api/v1/auth/signin')),
  );
}

describe('foundation web app', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('signs up, adds a contact (escaped), logs an interaction and shows it on the timeline', async () => {
    const context = await h.newContext({
      viewport: { width: 1280, height: 860 },
      timezoneId: 'Europe/London',
    });
    const page = await context.newPage();
    await page.goto('/');

    // First visit on an empty server: sign-up, with the browser's zone preselected.
    await page.getByRole('heading', { name: 'Welcome to Tend' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Time zone' }).inputValue()).toBe('Europe/London');
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('E-mail').fill('ada@example.com');
    await page.getByRole('textbox', { name: 'Password' }).fill('correct horse battery');
    await shot(page, 'signup.png');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();

    // Empty account: the empty state offers a first contact.
    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.getByText('No contacts yet').waitFor();
    await shot(page, 'contacts-empty.png');
    await page.getByRole('button', { name: 'Add your first contact' }).click();

    const form = page.getByRole('dialog', { name: 'Add contact' });
    await form.getByLabel('First name').fill(HOSTILE);
    await form.getByLabel('Last name').fill('Hopper');
    await form.getByLabel('E-mail').fill('grace@example.com');
    await form.getByLabel('Company').fill('US Navy');
    await form.getByLabel('Title').fill('Rear Admiral');
    await form.getByLabel('City').fill('Arlington');
    await form.getByLabel('Country').fill('United States');
    await form.getByLabel('Website').fill('not a url');
    await form.getByRole('combobox', { name: 'Time zone' }).fill('America/New_Y');
    await page.getByRole('option', { name: 'America/New_York' }).click();
    await form.getByLabel('Tags').fill('pioneer');
    await form.getByLabel('Tags').press('Enter');
    await form.getByLabel('Tags').fill('compilers');
    await form.getByLabel('Tags').press('Enter');
    await form.getByRole('button', { name: 'Add contact' }).click();

    // The server's field error lands under the Website input, not in a generic banner.
    const website = form.getByLabel('Website');
    await form.getByText('must be a URL').waitFor();
    expect(await website.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'contact-form-error.png');
    await website.fill('https://grace.example.com');
    await form.getByRole('button', { name: 'Add contact' }).click();

    // Saving opens the contact; the name is text, never markup.
    const heading = page.getByRole('heading', { level: 1, name: `${HOSTILE} Hopper` });
    await heading.waitFor();
    expect(await heading.textContent()).toBe(`${HOSTILE} Hopper`);
    expect(await page.locator('main script').count()).toBe(0);
    await page.getByText('Rear Admiral @ US Navy').waitFor();
    await page.getByText('their time').waitFor();
    expect(await page.getByText('pioneer').count()).toBeGreaterThan(0);

    // `l` opens the quick log form.
    await page.getByText('Nothing here yet').waitFor();
    await page.keyboard.press('l');
    const log = page.getByRole('dialog', { name: 'Log interaction' });
    await log.getByRole('combobox', { name: 'Channel' }).click();
    await page.getByRole('option', { name: 'Call', exact: true }).click();
    await log.getByText('They reached out').click();
    expect(await log.getByLabel('Awaiting their reply').isDisabled()).toBe(true);
    await log.getByText('I reached out').click();
    await log.getByLabel('Summary').fill('Talked about <b>COBOL</b> and the first compiler.');
    await log.getByLabel('Topics').fill('compilers');
    await log.getByLabel('Topics').press('Enter');
    await log.getByLabel('Awaiting their reply').check();
    await log.getByRole('button', { name: 'Log interaction' }).click();
    await log.waitFor({ state: 'hidden' });

    const timeline = page.getByLabel('Timeline');
    await timeline.getByText('Talked about <b>COBOL</b> and the first compiler.').waitFor();
    expect(await timeline.getByText('I reached out').count()).toBe(1);
    expect(await timeline.getByText('Awaiting reply').count()).toBe(1);
    expect(await timeline.getByText('Call', { exact: true }).count()).toBe(1);
    expect(await timeline.locator('b').count()).toBe(0);
    await page.getByText('Last contact today').waitFor();

    // Editing uses the same form, filled with the saved values.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const editForm = page.getByRole('dialog', { name: 'Edit contact' });
    expect(await editForm.getByLabel('Company').inputValue()).toBe('US Navy');
    await editForm.getByLabel('First name').fill('Grace');
    await editForm.getByLabel('How we met').fill('Her talk on compilers at the Computer History Museum.');
    await editForm.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Grace Hopper' }).waitFor();
    // The dialog (whose textarea holds the same words) has closed: the text is the page's own.
    await editForm.waitFor({ state: 'hidden' });
    await page.getByText('Her talk on compilers').waitFor();

    await shot(page, 'contact.png', { docs: 'contact.png', maxBytes: SHOT_MAX_BYTES });

    // Back on the list, the search finds her and a miss says so.
    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.getByRole('table', { name: 'Contacts' }).getByText('Grace Hopper').waitFor();
    await page.getByLabel('Search contacts').fill('zzzz');
    await page.getByText('No contacts match').waitFor();
    await page.getByLabel('Search contacts').fill('hopper');
    await page.getByRole('table', { name: 'Contacts' }).getByText('Grace Hopper').waitFor();
    expect(page.url()).toContain('q=hopper');
    await shot(page, 'contacts-desktop.png');

    // Sign out from the header menu lands on sign-in.
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // A wrong password says so; the right one opens the app again.
    await page.getByLabel('E-mail').fill('ada@example.com');
    await page.getByRole('textbox', { name: 'Password' }).fill('wrong password!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByRole('textbox', { name: 'Password' }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Contacts' }).waitFor();

    expect(unexpected(h.errors)).toEqual([]);
  });

  it('on a phone in dark mode: cards instead of a table, navigation behind a burger', async () => {
    const context = await h.newContext({ ...PHONE, timezoneId: 'Europe/Paris' });
    await signUpInContext(context, MARY);
    const page = await context.newPage();
    await page.goto('/contacts');
    await page.getByRole('button', { name: 'Load a demo network' }).click();
    const cards = page.getByRole('list', { name: 'Contacts' }).getByRole('listitem');
    await cards.first().waitFor({ timeout: 30_000 });
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await cards.count()).toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await cards.nth(50).waitFor();
    expect(await cards.count()).toBe(100);

    // Filters narrow the list (debounced, kept in the URL).
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByLabel('City filter').fill('London');
    await page.waitForURL(/city=London/);
    await page.waitForFunction(() => {
      const items = [...document.querySelectorAll('[role="listitem"]')];
      return items.length > 0 && items.every((li) => li.textContent?.includes('London'));
    });
    expect(await cards.count()).toBeLessThan(100);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL((url) => !url.search.includes('city='));
    await cards.nth(49).waitFor();
    await page.getByRole('button', { name: 'Filters' }).click();

    // The chosen scheme is kept across reloads.
    await page.getByRole('button', { name: 'Color scheme' }).click();
    await page.getByRole('menuitem', { name: 'Dark' }).click();
    await page.reload();
    await cards.first().waitFor();
    expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');

    // Nothing sticks out sideways on a 390-px screen.
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'contacts-dark-phone.png', {
      fullPage: false,
      docs: 'contacts-dark-phone.png',
      maxBytes: SHOT_MAX_BYTES,
    });

    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await shot(page, 'settings-dark-phone.png');

    // Preferences save through PATCH /me/settings.
    await page.getByLabel('Daily queue size').fill('12');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByText('Settings saved').waitFor();
    const me: { dailySize: number } = await (await context.request.get('/api/v1/me')).json();
    expect(me.dailySize).toBe(12);

    // A new API token is shown once, then listed by name only, and can be revoked.
    // Its scopes and expiry are chosen in the form and shown in the list.
    await page.getByLabel('Token name').fill('laptop CLI');
    await page.getByRole('checkbox', { name: 'Read', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Write (includes read)' }).uncheck();
    await page.getByRole('combobox', { name: 'Expires' }).click();
    await page.getByRole('option', { name: 'In 30 days' }).click();
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByLabel('New token').textContent();
    expect(secret?.length).toBeGreaterThan(20);
    await page.getByRole('table', { name: 'API tokens' }).getByText('laptop CLI').waitFor();
    const minted: { items: { scopes: string[]; expiresAt: string | null }[] } = await (
      await context.request.get('/api/v1/tokens')
    ).json();
    expect(minted.items[0]).toMatchObject({ scopes: ['read'], expiresAt: expect.any(String) });
    await page.getByRole('button', { name: 'Revoke laptop CLI' }).click();
    await page.getByRole('dialog', { name: 'Revoke token?' }).getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('No tokens yet.').waitFor();

    // A demo contact's page on the phone: header and timeline wrap instead of overflowing.
    await page.goto('/contacts');
    const name = (await cards.first().locator('p').first().textContent()) ?? '';
    await cards.first().click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByLabel('Timeline').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'contact-dark-phone.png');

    // Delete asks first, then returns to the list without them.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Delete contact?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.waitForURL(/\/contacts$/);
    await cards.first().waitFor();
    expect(await cards.first().textContent()).not.toContain(name);
    const gone = await context.request.get(`/api/v1/contacts?q=${encodeURIComponent(name)}`);
    const left: { items: { displayName: string }[] } = await gone.json();
    expect(left.items.map((c) => c.displayName)).not.toContain(name);

    expect(unexpected(h.errors)).toEqual([]);
  });
});
