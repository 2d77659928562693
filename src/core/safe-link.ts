import { isOneOf } from './one-of';
/** The schemes a stored link may have: what a browser, a phone or a mail client opens without running code. */
export const SAFE_LINK_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:'] as const;

/**
 * An http(s) URL that the URL parser cannot refuse: a host of plain labels ending in letters (not an
 * IPv4 address, no punycode to check, no port) and printable ASCII after it. Nearly every imported
 * link looks like this; parsing each one cost ~40 ms of a 30,000-row preview.
 */
const PLAIN_WEB_LINK = /^https?:\/\/(?:[a-z0-9-]+\.)+[a-z]+(?:[/?#][\x21-\x7e]*)?$/;

/** Whether `url` parses and uses a safe scheme (`javascript:`, `data:`, `file:` and the rest do not). */
export function isSafeLink(url: string): boolean {
  if (PLAIN_WEB_LINK.test(url) && !url.includes('xn--')) return true;
  try {
    return isOneOf(SAFE_LINK_PROTOCOLS, new URL(url).protocol);
  } catch {
    return false;
  }
}
