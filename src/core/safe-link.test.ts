import { describe, expect, it } from 'vitest';
import { isSafeLink } from './safe-link';

describe('isSafeLink', () => {
  it('keeps web, mail and phone links and refuses the rest', () => {
    for (const ok of ['https://example.com/x', 'http://a.b', 'mailto:ada@example.com', 'tel:+441234'])
      expect(isSafeLink(ok), ok).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'vbscript:x',
      'not a url',
      '',
    ])
      expect(isSafeLink(bad), bad).toBe(false);
  });
});
