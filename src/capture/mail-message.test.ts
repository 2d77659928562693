import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toMailMessage } from './mail-message';

/** The previous definition of the label list. */
const plainLabels = (value: string) =>
  [...value.matchAll(/"((?:[^"\\]|\\.)*)"|([^,]+)/g)]
    .map((m) => (m[1] ?? m[2] ?? '').trim())
    .filter((l) => l !== '');

describe('toMailMessage', () => {
  it('reads Gmail labels as the previous definition did, quoted or not', () => {
    const piece = fc.constantFrom('Inbox', 'Sent', ',', ' ', '"', '\\', 'Work, clients', '\t', '\u00a0', 'é');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 20 }), (pieces) => {
        const value = pieces.join('');
        const fields = new Map([
          ['date', ['Mon, 2 Mar 2026 10:00:00 +0000']],
          ['x-gmail-labels', [value.trim()]],
        ]);
        const item = toMailMessage(fields, 'message 1');
        expect(item.ok && item.message.labels).toEqual(plainLabels(value.trim()));
      }),
      { numRuns: 5000 },
    );
  });
});
