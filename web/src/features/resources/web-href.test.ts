import { describe, expect, it } from 'vitest';
import { webHref } from './web-href';

describe('webHref', () => {
  it('keeps http(s) addresses', () => {
    expect(webHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(webHref('http://example.com')).toBe('http://example.com/');
  });

  it('refuses scripts, data, tel and relative text', () => {
    expect(webHref('javascript:alert(1)')).toBeUndefined();
    expect(webHref(' JavaScript:alert(1)')).toBeUndefined();
    expect(webHref('data:text/html,<b>x</b>')).toBeUndefined();
    expect(webHref('tel:+441234')).toBeUndefined();
    expect(webHref('example.com')).toBeUndefined();
    expect(webHref(null)).toBeUndefined();
  });

  it('allows mailto only when asked', () => {
    expect(webHref('mailto:a@example.com?subject=Hi')).toBeUndefined();
    expect(webHref('mailto:a@example.com?subject=Hi', true)).toBe('mailto:a@example.com?subject=Hi');
    expect(webHref('tel:+441234', true)).toBeUndefined();
  });
});
