import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { phoneCountry, phoneKey } from './duplicate-keys';

// Shared calling codes (NANP, Russia/Kazakhstan, UK and its islands) are where the country is a guess.
const callingCode = fc.constantFrom('1', '7', '44', '33', '49', '61');
const national = fc.stringMatching(/^[2-9]\d{6,10}$/);
const spacing = fc.constantFrom('', ' ', '-', '.');

describe('phoneCountry', () => {
  it('property: after phoneKey, the country of its E.164 key is what parsing that key says', () => {
    fc.assert(
      fc.property(callingCode, national, spacing, fc.constantFrom('US', 'DE', 'GB'), (cc, n, sep, region) => {
        const written = `+${cc}${sep}${n.slice(0, 3)}${sep}${n.slice(3)}`;
        const key = phoneKey(written, region);
        if (key === undefined) return;
        expect(phoneCountry(key)).toBe(parsePhoneNumberFromString(key)?.country);
      }),
      { seed: 20261202, numRuns: 400 },
    );
  });

  it('reads a number no preview has parsed', () => {
    expect(phoneCountry('+14165550123')).toBe('CA');
    expect(phoneCountry('+493012345678')).toBe('DE');
  });
});
