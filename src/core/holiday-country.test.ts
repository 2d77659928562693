import { describe, expect, it } from 'vitest';
import { countryFromField, holidayCountry } from './holiday-country.js';

describe('holidayCountry', () => {
  it('reads the country field as a code, an English name or a common alias', () => {
    expect(countryFromField('de')).toBe('DE');
    expect(countryFromField('Germany')).toBe('DE');
    expect(countryFromField(' united  states ')).toBe('US');
    expect(countryFromField('UK')).toBe('GB');
    expect(countryFromField('India')).toBe('IN');
    expect(countryFromField('Atlantis')).toBeNull();
    expect(countryFromField('ZZ')).toBeNull();
  });

  it('prefers the field, then the phone, then the time zone', () => {
    expect(holidayCountry({ country: 'Canada', phonesE164: ['+4930901820'], timeZone: 'Asia/Kolkata' })).toBe(
      'CA',
    );
    expect(holidayCountry({ country: null, phonesE164: ['+4930901820'], timeZone: 'Asia/Kolkata' })).toBe(
      'DE',
    );
    expect(holidayCountry({ country: 'Atlantis', phonesE164: [], timeZone: 'Asia/Kolkata' })).toBe('IN');
    expect(holidayCountry({ country: null, phonesE164: [], timeZone: null })).toBeNull();
  });

  it('tells Canada from the US within +1 by the area code', () => {
    expect(holidayCountry({ country: null, phonesE164: ['+14165550123'], timeZone: null })).toBe('CA');
    expect(holidayCountry({ country: null, phonesE164: ['+12125550123'], timeZone: null })).toBe('US');
  });

  it('maps a zone to the country it belongs to', () => {
    expect(holidayCountry({ country: null, phonesE164: [], timeZone: 'America/Toronto' })).toBe('CA');
    expect(holidayCountry({ country: null, phonesE164: [], timeZone: 'Asia/Shanghai' })).toBe('CN');
    expect(holidayCountry({ country: null, phonesE164: [], timeZone: 'Europe/London' })).toBe('GB');
    expect(holidayCountry({ country: null, phonesE164: [], timeZone: 'America/New_York' })).toBe('US');
  });
});
