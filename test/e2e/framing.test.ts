import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, signUpInContext, startBrowserHarness } from '../helpers/browser';

// Every page of the app and every spelling of the index the static server answers.
const PATHS = [
  '/',
  '/index.html',
  '/./index.html',
  '/%69ndex.html',
  '/today',
  '/contacts',
  '/dashboard',
  '/import',
  '/introductions',
  '/resources',
  '/trips',
  '/updates',
  '/settings',
  '/no-such-page',
  '/api/docs/',
];

describe('framing', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('renders no page inside a cross-site frame', async () => {
    const context = await h.newContext();
    await signUpInContext(context);
    // The attacker's page on another site (localhost and 127.0.0.1 are different sites).
    const target = h.baseUrl.replace('127.0.0.1', 'localhost');
    await context.route('http://attacker.test/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: PATHS.map((p) => `<iframe name="f${PATHS.indexOf(p)}" src="${target}${p}"></iframe>`).join(''),
      }),
    );
    const page = await context.newPage();
    await page.goto('http://attacker.test/');
    await page.waitForTimeout(1500);
    for (const [i, path] of PATHS.entries()) {
      const frame = page.frame({ name: `f${i}` });
      // A refused frame shows Chromium's own error page instead of ours; ours would fill #root.
      const ours = await frame
        ?.evaluate(() => document.querySelectorAll('#root > *, #swagger-ui > *').length)
        .catch(() => 0);
      expect(frame?.url(), path).toMatch(/^chrome-error:/);
      expect(ours ?? 0, `${path} rendered inside a cross-site frame`).toBe(0);
    }

    // The control: the same pages load and render when opened directly.
    const direct = await context.newPage();
    await direct.goto(`${h.baseUrl}/settings`);
    await direct.getByRole('heading', { name: 'Settings' }).waitFor();
    for (const path of ['/index.html', '/%69ndex.html', '/./index.html', '/contacts']) {
      const res = await context.request.get(`${target}${path}`, { headers: { accept: 'text/html' } });
      expect(res.headers()['x-frame-options'], path).toBe('DENY');
      expect(res.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
    }
  });
});
