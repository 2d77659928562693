import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
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
    { store, clock: () => new Date(), newId },
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

/** Signs a user up through the API within `context`, so its pages share the session cookie. */
export async function signUpInContext(
  context: BrowserContext,
  user = {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    password: 'correct horse battery',
    timeZone: 'Europe/London',
  },
): Promise<void> {
  const res = await context.request.post('/api/v1/auth/signup', { data: user });
  if (res.status() !== 201) throw new Error(`sign-up failed: ${res.status()} ${await res.text()}`);
}

/** A write through the API as the signed-in user of `context` (cookie + CSRF header). */
export async function apiPost(context: BrowserContext, path: string, data: unknown): Promise<unknown> {
  const res = await context.request.post(`/api/v1${path}`, { data, headers: { 'x-tend-csrf': '1' } });
  if (!res.ok()) throw new Error(`POST ${path} failed: ${res.status()} ${await res.text()}`);
  return res.json();
}
