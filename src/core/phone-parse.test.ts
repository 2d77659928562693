import fc from 'fast-check';
import { type CountryCode, type PhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { type ParsedPhone, parsePhone } from './phone-parse';

/** What the import reads of a parsed number. */
const seen = (p: ParsedPhone | undefined) =>
  p && { number: p.number, country: p.country, possible: p.possible, national: p.nationalNumber };
const library = (p: PhoneNumber | undefined) =>
  seen(p && { ...p, number: p.number, country: p.country, possible: p.isPossible() });

// Every calling code libphonenumber shares between countries, and some of its own.
const callingCode = fc.constantFrom(
  '1',
  '7',
  '39',
  '44',
  '47',
  '61',
  '212',
  '262',
  '290',
  '358',
  '590',
  '599',
  '33',
  '49',
);
const regions = fc.constantFrom<CountryCode>(
  'US',
  'CA',
  'JM',
  'PR',
  'RU',
  'KZ',
  'GB',
  'JE',
  'IT',
  'VA',
  'AU',
  'DE',
  'FI',
  'AX',
);
const digits = fc.stringMatching(/^\d{3,12}$/);
const written = fc.constantFrom(
  (cc: string, n: string) => `+${cc} ${n.slice(0, 3)} ${n.slice(3)}`,
  (cc: string, n: string) => `+${cc}${n}`,
  (cc: string, n: string) => `00${cc} ${n}`,
  (cc: string, n: string) => `011 ${cc} ${n}`,
  (cc: string, n: string) => `${cc}${n}`,
  (_: string, n: string) => n,
  (_: string, n: string) => `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`,
  (_: string, n: string) => `0${n}`,
);

describe('parsePhone', () => {
  it('property: reads every number as parsePhoneNumberFromString does, country included', () => {
    fc.assert(
      fc.property(
        callingCode,
        digits,
        written,
        fc.option(regions, { nil: undefined }),
        (cc, n, write, region) => {
          const text = write(cc, n);
          const expected = region
            ? parsePhoneNumberFromString(text, region)
            : parsePhoneNumberFromString(text);
          expect(seen(parsePhone(text, region))).toEqual(library(expected));
        },
      ),
      { seed: 20261202, numRuns: 5000 },
    );
  });

  it('property: NANP numbers of every area code, as a phone writes them, read as the library reads them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 999 }),
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.boolean(),
        (area, rest, plus) => {
          const local = String(rest).padStart(7, '0');
          const text = plus
            ? `+1 ${area} ${local.slice(0, 3)} ${local.slice(3)}`
            : `(${area}) ${local.slice(0, 3)}-${local.slice(3)}`;
          expect(seen(parsePhone(text, 'US'))).toEqual(library(parsePhoneNumberFromString(text, 'US')));
        },
      ),
      { seed: 20261202, numRuns: 3000 },
    );
  });

  it('property: any text of digits, +, spaces, dots, dashes and brackets reads as the library reads it', () => {
    const char = fc.constantFrom(...'+0123456789 ().-', '1', '0', '5');
    fc.assert(
      fc.property(
        fc.array(char, { minLength: 1, maxLength: 22 }),
        fc.option(regions, { nil: undefined }),
        (chars, region) => {
          const text = chars.join('');
          const expected = region
            ? parsePhoneNumberFromString(text, region)
            : parsePhoneNumberFromString(text);
          expect(seen(parsePhone(text, region))).toEqual(library(expected));
        },
      ),
      { seed: 20261202, numRuns: 5000 },
    );
  });

  it('finds the country of a shared calling code', () => {
    expect(parsePhone('+1 416 555 0123')?.country).toBe('CA');
    expect(parsePhone('(876) 555-0123', 'US')?.country).toBe('JM');
    expect(parsePhone('+7 701 123 4567')?.country).toBe('KZ');
    expect(parsePhone('not a number', 'US')).toBeUndefined();
  });
});
