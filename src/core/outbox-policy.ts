/** Waits after failed attempt 1, 2, 3 and 4; attempt 5 failing is final. */
export const OUTBOX_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000] as const;
export const OUTBOX_MAX_ATTEMPTS = OUTBOX_RETRY_DELAYS_MS.length + 1;
/** A row in 'sending' longer than this belongs to a worker that died mid-send. */
export const OUTBOX_STALE_MS = 10 * 60_000;

/** When to try again after failed attempt `attempt` (1-based), or null when the message has failed for good. */
export function nextAttemptAt(attempt: number, now: string): string | null {
  const delay = OUTBOX_RETRY_DELAYS_MS[attempt - 1];
  return delay === undefined ? null : new Date(Date.parse(now) + delay).toISOString();
}

/**
 * The Message-ID for an idempotency key. A receiving server can drop a second copy with the same id,
 * which covers the one duplicate an outbox cannot rule out (sent, then crashed before recording it).
 * RFC 5322 ids are dot-atoms: ':' and anything else outside atext become '.'.
 */
export function messageIdFor(idempotencyKey: string): string {
  return `<${idempotencyKey.replace(/[^A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]/g, '.')}@tend>`;
}

/** Escapes text for an HTML element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
