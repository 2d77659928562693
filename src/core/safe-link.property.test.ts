import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOneOf } from './one-of';
import { isSafeLink, SAFE_LINK_PROTOCOLS } from './safe-link';

/** The definition before the plain-link shortcut: every URL through the parser. */
function parsedSafeLink(url: string): boolean {
  try {
    return isOneOf(SAFE_LINK_PROTOCOLS, new URL(url).protocol);
  } catch {
    return false;
  }
}

// URL-ish text near the shortcut's edge: hosts that are IPv4, numeric, punycode, with ports or odd characters.
const part = fc.constantFrom(
  'https://',
  'http://',
  'HTTP://',
  'javascript:',
  'www',
  'linkedin',
  '.',
  '..',
  'com',
  '-',
  'xn--',
  'xn--abc',
  '0x1f',
  '1',
  '255',
  '999',
  ':',
  ':80',
  ':99999',
  '/',
  '/in/',
  '?',
  '#',
  '%',
  '%zz',
  '@',
  ' ',
  '\\',
  '[',
  ']',
  '\t',
  '\u00e9',
  '\u0000',
  'a',
  'Z',
  '_',
);
const urlish = fc.oneof(
  fc.array(part, { maxLength: 12 }).map((ps) => ps.join('')),
  fc
    .tuple(fc.constantFrom('https://', 'http://'), fc.array(part, { maxLength: 10 }))
    .map(([s, ps]) => s + ps.join('')),
  fc.string(),
);

describe('isSafeLink', () => {
  it('says what the URL parser says, with or without the shortcut', () => {
    fc.assert(
      fc.property(urlish, (url) => {
        expect(isSafeLink(url)).toBe(parsedSafeLink(url));
      }),
      { numRuns: 20_000 },
    );
  });

  it('refuses what the shortcut must not take', () => {
    for (const url of ['https://1.2.3.999/x', 'https://xn--a.com/', 'https://a.b:99999/', 'https://a..b/'])
      expect(isSafeLink(url), url).toBe(parsedSafeLink(url));
  });
});
