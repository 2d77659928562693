import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepLinks } from './deep-links';

describe('deepLinks', () => {
  const target = {
    email: 'sam+work@example.com',
    phoneE164: '+14155550100',
    linkedinUrl: 'https://www.linkedin.com/in/sam',
  };

  it('encodes subject and body per RFC 6068, with CRLF line breaks', () => {
    const links = deepLinks(target, {
      subject: 'Congrats & cheers',
      body: 'Hi Sam,\nsaw the news — 🎉 "well done"?',
    });
    expect(links.mailto).toBe(
      'mailto:sam%2Bwork@example.com?subject=Congrats%20%26%20cheers&body=Hi%20Sam%2C%0D%0Asaw%20the%20news%20%E2%80%94%20%F0%9F%8E%89%20%22well%20done%22%3F',
    );
    expect(links.tel).toBe('tel:+14155550100');
    expect(links.sms).toBe(
      'sms:+14155550100?body=Hi%20Sam%2C%0Asaw%20the%20news%20%E2%80%94%20%F0%9F%8E%89%20%22well%20done%22%3F',
    );
    expect(links.whatsapp?.startsWith('https://wa.me/14155550100?text=Hi%20Sam')).toBe(true);
    expect(links.linkedin).toBe('https://www.linkedin.com/in/sam');
  });

  it('gives null for missing or unsafe addresses instead of a broken link', () => {
    const links = deepLinks(
      { email: 'x@y.com?cc=evil@z.com', phoneE164: '555-0100', linkedinUrl: 'javascript:alert(1)' },
      { body: 'hi' },
    );
    expect(links).toEqual({ mailto: null, sms: null, tel: null, whatsapp: null, linkedin: null });
  });

  it('round-trips any body through the mailto link', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (body) => {
        const url = new URL(deepLinks(target, { body }).mailto!);
        expect(url.searchParams.get('body')).toBe(body.replace(/\r?\n/g, '\r\n'));
      }),
    );
  });
});
