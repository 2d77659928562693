import type { CountryCode } from 'libphonenumber-js';

// Zones whose country is not obvious from a country-named zone list; enough for the common cases.
// A user elsewhere passes ?region= once (phones with a +country code never need it).
const ZONE_REGION: Record<string, CountryCode> = {
  'Europe/London': 'GB',
  'Europe/Dublin': 'IE',
  'Europe/Paris': 'FR',
  'Europe/Berlin': 'DE',
  'Europe/Madrid': 'ES',
  'Europe/Rome': 'IT',
  'Europe/Amsterdam': 'NL',
  'Europe/Brussels': 'BE',
  'Europe/Zurich': 'CH',
  'Europe/Vienna': 'AT',
  'Europe/Stockholm': 'SE',
  'Europe/Oslo': 'NO',
  'Europe/Copenhagen': 'DK',
  'Europe/Helsinki': 'FI',
  'Europe/Warsaw': 'PL',
  'Europe/Prague': 'CZ',
  'Europe/Lisbon': 'PT',
  'Europe/Athens': 'GR',
  'Europe/Kyiv': 'UA',
  'Europe/Istanbul': 'TR',
  'America/Toronto': 'CA',
  'America/Vancouver': 'CA',
  'America/Mexico_City': 'MX',
  'America/Sao_Paulo': 'BR',
  'America/Argentina/Buenos_Aires': 'AR',
  'Asia/Tokyo': 'JP',
  'Asia/Seoul': 'KR',
  'Asia/Shanghai': 'CN',
  'Asia/Hong_Kong': 'HK',
  'Asia/Singapore': 'SG',
  'Asia/Kolkata': 'IN',
  'Asia/Dubai': 'AE',
  'Asia/Jerusalem': 'IL',
  'Australia/Sydney': 'AU',
  'Australia/Melbourne': 'AU',
  'Pacific/Auckland': 'NZ',
  'Africa/Johannesburg': 'ZA',
  'Africa/Lagos': 'NG',
};

/** The country a phone number without a +code most likely belongs to, from the account's zone; US otherwise. */
export function regionOfZone(zone: string): CountryCode {
  return ZONE_REGION[zone] ?? 'US';
}

/**
 * Countries that write 3/4/1991 month first. Elsewhere a slashed date that could be read both ways
 * is left out with a warning rather than guessed: the account's country is a hint, not the file's.
 */
const MONTH_FIRST = new Set(['US', 'PH', 'FM', 'MH', 'PW', 'GU', 'AS', 'MP', 'PR', 'VI', 'UM']);

/** The order in which to read an ambiguous slashed date of a file uploaded from `region`, if any. */
export function dateOrderOf(region: string): 'mdy' | undefined {
  return MONTH_FIRST.has(region) ? 'mdy' : undefined;
}
