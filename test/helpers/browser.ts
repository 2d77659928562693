import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { expect } from 'vitest';
import { newId } from '../../src/ids';
import { buildApp } from '../../src/server/app';
import type { Store } from '../../src/store/store';
import { freshStore } from './stores';

/** Debian's Chromium; never a downloaded build (the machine has no internet). */
const CHROMIUM = process.env.TEND_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const RESULTS_DIR = resolve('test-results');
/** The README's screenshots change only when asked, so a test run leaves the tree clean. */
const UPDATE_SCREENSHOTS = process.env.TEND_UPDATE_SCREENSHOTS === '1';
/** The most a screenshot the README shows may weigh. */
export const SHOT_MAX_BYTES = 300 * 1024;

/** A 390-px phone, the narrowest screen the app promises to fit. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
} satisfies BrowserContextOptions;

export interface SignUpUser {
  name: string;
  email: string;
  password: string;
  timeZone: string;
}

const ADA: SignUpUser = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  password: 'correct horse battery',
  timeZone: 'Europe/London',
};

/** A second user, in another zone than the default one. */
export const MARY: Partial<SignUpUser> = {
  name: 'Mary Somerville',
  email: 'mary@example.com',
  timeZone: 'Europe/Paris',
};

export interface BrowserHarness {
  /** `http://127.0.0.1:<port>` of the real server serving the built web app. */
  baseUrl: string;
  app: FastifyInstance;
  store: Store;
  browser: Browser;
  /** A fresh context (own cookies and storage) that fails the test on any page error or CSP violation. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Everything the pages logged as an error or threw, for the test to assert empty. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * The real server (production bundle from dist/web, real clock) over a fresh in-memory SQLite
 * store, listening on a free loopback port, plus a headless Chromium.
 */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const store = await freshStore('sqlite');
  const app = await buildApp(
    // A fixed key so mailbox sources can be added (src/secret-key.ts in production).
    { store, clock: () => new Date(), newId, secretKey: Buffer.alloc(32, 7) },
    { webDir: resolve('dist/web'), signupOpen: true },
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let baseUrl = '';
  try {
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await browser.close();
    await store.close();
    throw error;
  }
  return {
    baseUrl,
    app,
    store,
    browser,
    errors,
    async newContext(options = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-GB', ...options });
      // Fail in seconds, not after the 30-s default, when an element never shows.
      context.setDefaultTimeout(10_000);
      context.on('page', (page) => watch(page, errors));
      contexts.push(context);
      return context;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await app.close();
      await store.close();
    },
  };
}

function watch(page: Page, errors: string[]) {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A CSP violation is reported only here, as a console error.
    if (message.type() === 'error') errors.push(`console: ${message.text()} at ${message.location().url}`);
  });
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
}

/** Signs a user up through the API within `context`, so its pages share the session cookie; Ada unless told. */
export async function signUpInContext(
  context: BrowserContext,
  user: Partial<SignUpUser> = {},
): Promise<void> {
  const data = { ...ADA, ...user };
  const res = await context.request.post('/api/v1/auth/signup', { data });
  if (res.status() !== 201 && res.status() !== 202)
    throw new Error(`sign-up failed: ${res.status()} ${await res.text()}`);
  // Only the server's first user is signed in by sign-up; later ones sign in (202, docs/self-hosting.md).
  if (res.status() === 202) {
    const signIn = await context.request.post('/api/v1/auth/signin', {
      data: { email: data.email, password: data.password },
    });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()} ${await signIn.text()}`);
  }
}

/** A write through the API as the signed-in user of `context` (cookie + CSRF header). */
export async function apiPost(context: BrowserContext, path: string, data: unknown): Promise<unknown> {
  const res = await context.request.post(`/api/v1${path}`, { data, headers: { 'x-tend-csrf': '1' } });
  if (!res.ok()) throw new Error(`POST ${path} failed: ${res.status()} ${await res.text()}`);
  return res.json();
}

/**
 * A screenshot in test-results (the full page unless told), whose path it returns. With `maxBytes` the
 * test fails when it weighs more; with `docs` it also replaces docs/screenshots/<docs> when
 * TEND_UPDATE_SCREENSHOTS=1.
 */
export async function shot(
  page: Page,
  name: string,
  { fullPage = true, docs, maxBytes }: { fullPage?: boolean; docs?: string; maxBytes?: number } = {},
): Promise<string> {
  const path = join(RESULTS_DIR, name);
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  if (maxBytes !== undefined) expect(statSync(path).size).toBeLessThan(maxBytes);
  if (docs && UPDATE_SCREENSHOTS) copyFileSync(path, `docs/screenshots/${docs}`);
  return path;
}

/** How far the page sticks out sideways: 0 or less when it fits the screen. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
