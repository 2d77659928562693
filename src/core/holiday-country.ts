import { phoneCountry } from './duplicate-keys';
import { countryZones, holidayCountries } from './holiday-calendar';

/** What a contact says about where they live, strongest first. */
export interface CountryHints {
  /** The free-text country field: "DE", "Germany", "United States", "USA"… */
  country: string | null | undefined;
  /** Phone numbers in E.164 ("+4930…"), first first. */
  phonesE164: readonly (string | null | undefined)[];
  timeZone: string | null | undefined;
}

// Spellings people type that are neither the ISO code nor the English name.
const ALIASES: Readonly<Record<string, string>> = {
  usa: 'US',
  'united states': 'US',
  america: 'US',
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  deutschland: 'DE',
  uae: 'AE',
  'south korea': 'KR',
  korea: 'KR',
  russia: 'RU',
  'the netherlands': 'NL',
  holland: 'NL',
  'czech republic': 'CZ',
  vietnam: 'VN',
  'hong kong': 'HK',
  taiwan: 'TW',
};

let byName: Map<string, string> | null = null;
function names(): Map<string, string> {
  if (!byName) {
    byName = new Map(Object.entries(ALIASES));
    const display = new Intl.DisplayNames('en', { type: 'region' });
    for (const [code, name] of Object.entries(holidayCountries())) {
      byName.set(name.toLowerCase(), code);
      byName.set(display.of(code)?.toLowerCase() ?? code.toLowerCase(), code);
    }
  }
  return byName;
}

let byZone: Map<string, string> | null = null;
function zones(): Map<string, string> {
  if (!byZone) {
    byZone = new Map();
    const codes = Object.keys(holidayCountries());
    // A country's main zone first, so a zone two countries list goes to the one it belongs to.
    for (const c of codes) {
      const z = countryZones(c)[0];
      if (z && !byZone.has(z)) byZone.set(z, c);
    }
    for (const c of codes) for (const z of countryZones(c)) if (!byZone.has(z)) byZone.set(z, c);
  }
  return byZone;
}

/** The ISO code a country field names, or null when it names none date-holidays knows. */
export function countryFromField(field: string | null | undefined): string | null {
  const v = field?.trim();
  if (!v) return null;
  if (/^[A-Za-z]{2}$/.test(v) && v.toUpperCase() in holidayCountries()) return v.toUpperCase();
  return names().get(v.toLowerCase().replace(/\s+/g, ' ')) ?? null;
}

/** F9: the contact's country for holidays: the country field, else a phone's country code, else the time zone. */
export function holidayCountry(hints: CountryHints): string | null {
  const fromField = countryFromField(hints.country);
  if (fromField) return fromField;
  for (const phone of hints.phonesE164) {
    const code = phone ? phoneCountry(phone) : undefined;
    if (code && code in holidayCountries()) return code;
  }
  return hints.timeZone ? (zones().get(hints.timeZone) ?? null) : null;
}
