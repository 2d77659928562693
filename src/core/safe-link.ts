import { isOneOf } from './one-of';
/** The schemes a stored link may have: what a browser, a phone or a mail client opens without running code. */
export const SAFE_LINK_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:'] as const;

/** Whether `url` parses and uses a safe scheme (`javascript:`, `data:`, `file:` and the rest do not). */
export function isSafeLink(url: string): boolean {
  try {
    return isOneOf(SAFE_LINK_PROTOCOLS, new URL(url).protocol);
  } catch {
    return false;
  }
}
