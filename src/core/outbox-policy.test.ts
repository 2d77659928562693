import { describe, expect, it } from 'vitest';
import { escapeHtml, messageIdFor, nextAttemptAt, OUTBOX_MAX_ATTEMPTS } from './outbox-policy';

describe('outbox policy', () => {
  const now = '2026-03-10T09:00:00.000Z';
  it('backs off 1 min, 5 min, 30 min, 2 h, then gives up after the fifth attempt', () => {
    expect([1, 2, 3, 4, 5].map((a) => nextAttemptAt(a, now))).toEqual([
      '2026-03-10T09:01:00.000Z',
      '2026-03-10T09:05:00.000Z',
      '2026-03-10T09:30:00.000Z',
      '2026-03-10T11:00:00.000Z',
      null,
    ]);
    expect(OUTBOX_MAX_ATTEMPTS).toBe(5);
  });
  it('turns a key into a valid Message-ID', () => {
    expect(messageIdFor('digest:0190-ab:2026-03-10')).toBe('<digest.0190-ab.2026-03-10@tend>');
    expect(messageIdFor('a b<c>@d')).toBe('<a.b.c..d@tend>');
  });
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });
});
