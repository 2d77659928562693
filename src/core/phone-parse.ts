import {
  type CountryCode,
  type PhoneNumber,
  parseIncompletePhoneNumber,
  parsePhoneNumberFromString as parseWithMetadata,
} from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';

/**
 * libphonenumber's `parsePhoneNumberFromString` (its default entry, min metadata) with its country
 * lookup done here, the same answer at a tenth of the cost. For a calling code shared by several
 * countries (+1: 25, +7, +44…) the library tries each country's patterns, compiling every regular
 * expression again on every call: ~9 µs of a +1 number's ~14 µs, most of the phone cost of a vCard
 * preview (20,000 numbers in 10,000 cards). The parse itself runs on the same metadata with each
 * calling code given its main country only, which changes nothing but the country the library
 * picks (the national number is cut by the calling code's main plan either way, see parse.js);
 * the country is then decided by exactCountry below, over patterns compiled once.
 *
 * This reads the min metadata's array layout and one undocumented field of a parsed number, so
 * package.json pins libphonenumber-js to one exact version; the property tests in
 * phone-parse.test.ts compare every answer with the library's and are the check for an upgrade.
 */
const MAIN_COUNTRY_ONLY = {
  ...metadata,
  country_calling_codes: Object.fromEntries(
    Object.entries(metadata.country_calling_codes).map(([code, countries]) => [code, countries.slice(0, 1)]),
  ),
};

/** What the import reads of a parsed number. */
export interface ParsedPhone {
  /** E.164: `+<calling code><national number>`. */
  number: string;
  countryCallingCode: string;
  nationalNumber: string;
  country?: CountryCode;
  /** libphonenumber's isPossible(): the national number has a length the country's plan allows. */
  possible: boolean;
}

/**
 * The number as `parsePhoneNumberFromString(text, region)` reads it, country included; undefined
 * where the library gives none.
 */
export function parsePhone(text: string, region?: CountryCode): ParsedPhone | undefined {
  const plain = plainPhone(text, region);
  if (plain !== SLOW) return plain;
  const parsed = libraryPhone(text, region);
  return parsed && { ...parsed, possible: parsed.isPossible() };
}

const SLOW = Symbol('the library decides');
/** Digits, spaces, dots, dashes and brackets, a `+` only first, a digit last: no letters, extension or URI. */
const PLAIN = /^\+?[0-9 ().-]*[0-9]$/;

/**
 * A number written plainly (`+1 599 555 0652`, `(538) 555-0965`, `030 1234567`), read as the
 * library reads it (parse.js, helpers/extractCountryCallingCode.js, helpers/checkNumberLength.js)
 * without its per-call options objects, Metadata instances and regular expressions (~5 µs a
 * number). Every shape with another path through the library is SLOW: more than 250 characters,
 * under 3 digits, a calling code after `+0`, a national number that starts with the region's
 * international prefix or its calling code, or with a national prefix to strip, a plan without lengths.
 */
function plainPhone(text: string, region: CountryCode | undefined): ParsedPhone | undefined | typeof SLOW {
  if (text.length > 250 || !PLAIN.test(text)) return SLOW;
  const digits = text.replace(/[^0-9]/g, '');
  if (digits.length < 3) return SLOW;
  let callingCode: string;
  let nationalNumber: string;
  let plan: CountryCode | undefined;
  const national = text.charCodeAt(0) !== 43; /* + */
  if (!national) {
    if (digits.charCodeAt(0) === 48 /* 0 */) return SLOW;
    const code = [1, 2, 3].map((n) => digits.slice(0, n)).find((c) => metadata.country_calling_codes[c]);
    const main = code === undefined ? undefined : metadata.country_calling_codes[code]?.[0];
    if (code === undefined || main === undefined) return SLOW;
    callingCode = code;
    nationalNumber = digits.slice(code.length);
    plan = main;
  } else {
    if (!region) return undefined;
    const own = metadata.countries[region];
    const code: unknown = own?.[0];
    const idd: unknown = own?.[1];
    if (typeof code !== 'string' || typeof idd !== 'string') return SLOW;
    if (digits.startsWith(code) || iddPattern(region, idd).test(digits)) return SLOW;
    callingCode = code;
    nationalNumber = digits;
    plan = region;
  }
  if (nationalNumber.length < 2 || nationalNumber.length > 17) return SLOW;
  if (!metadata.countries[plan] || startsWithPrefix(plan, nationalNumber)) return SLOW;
  const country = exactCountry(callingCode, nationalNumber) ?? (national ? region : undefined);
  const lengths = numbers(metadata.countries[country ?? plan]?.[3]);
  if (!lengths) return SLOW;
  return {
    number: `+${callingCode}${nationalNumber}`,
    countryCallingCode: callingCode,
    nationalNumber,
    ...(country && { country }),
    possible: possibleLength(nationalNumber.length, lengths),
  };
}

/** checkNumberLength(...) === 'IS_POSSIBLE' for a plan's sorted possible lengths. */
function possibleLength(length: number, lengths: readonly number[]): boolean {
  const min = lengths[0]!;
  if (min === length) return true;
  if (min > length || lengths[lengths.length - 1]! < length) return false;
  return lengths.indexOf(length, 1) >= 0;
}

const idds = new Map<CountryCode, RegExp>();
/** stripIddPrefix: `number.search(new RegExp(IDDPrefix)) === 0`, as a sticky expression. */
function iddPattern(country: CountryCode, idd: string): RegExp {
  let re = idds.get(country);
  if (!re) {
    re = new RegExp(idd, 'y');
    idds.set(country, re);
  }
  re.lastIndex = 0;
  return re;
}

/** The library's own reading, with the country lookup of a shared calling code done by exactCountry. */
function libraryPhone(text: string, region: CountryCode | undefined): PhoneNumber | undefined {
  const parsed = region
    ? parseWithMetadata(text, region, MAIN_COUNTRY_ONLY)
    : parseWithMetadata(text, MAIN_COUNTRY_ONLY);
  if (!parsed) return undefined;
  const sharing = metadata.country_calling_codes[parsed.countryCallingCode];
  if (!sharing || sharing.length < 2) return parsed;
  // Where the text starts with a national prefix (NANP's 1, a trunk 0) the library strips it and
  // asks for the exact country to check the length left (helpers/extractNationalNumber.js), so such
  // numbers take the library's own path. Written as `+<calling code><national number>` or as the
  // national number alone, with no prefix to strip, its answer depends on nothing else.
  const national = Reflect.get(parsed, '__countryCallingCodeSource') === undefined;
  const plan = national ? region : sharing[0];
  const written = national ? parsed.nationalNumber : `+${parsed.countryCallingCode}${parsed.nationalNumber}`;
  if (parseIncompletePhoneNumber(text) !== written || (plan && startsWithPrefix(plan, parsed.nationalNumber)))
    return region ? parseWithMetadata(text, region, metadata) : parseWithMetadata(text, metadata);
  // The library sets the exact country whenever it finds one, whatever the input's form; else it
  // gives a national number (its calling code taken from the region) the region, and leaves an
  // international one without a country. parse.js records on the number it returns where the
  // calling code came from; nothing typed tells the two forms apart.
  parsed.country =
    exactCountry(parsed.countryCallingCode, parsed.nationalNumber) ?? (national ? region : undefined);
  return parsed;
}

/** The plan's national prefix for parsing (or its national prefix) starts the number, as extractNationalNumberFromPossiblyIncompleteNumber tests it. */
function startsWithPrefix(country: CountryCode, digits: string): boolean {
  let prefix = prefixes.get(country);
  if (prefix === undefined) {
    const plan = metadata.countries[country];
    const source: unknown = plan?.[7] || plan?.[5];
    prefix = typeof source === 'string' && source !== '' ? new RegExp(`^(?:${source})`) : null;
    prefixes.set(country, prefix);
  }
  return prefix ? prefix.test(digits) : false;
}
const prefixes = new Map<CountryCode, RegExp | null>();

interface CountryPlan {
  country: CountryCode;
  /** getCountryByNationalNumber: a plan with leading digits is chosen by them alone. */
  leading?: RegExp;
  whole: RegExp;
  types: { pattern: RegExp; lengths?: readonly number[] }[];
}

const plans = new Map<string, CountryPlan[]>();

/** Compiled once per calling code, as getNumberType reads the min metadata (helpers/getNumberType.js). */
function plansOf(callingCode: string): CountryPlan[] {
  const known = plans.get(callingCode);
  if (known) return known;
  const out: CountryPlan[] = [];
  for (const country of metadata.country_calling_codes[callingCode] ?? []) {
    const plan = metadata.countries[country];
    if (!plan) continue;
    const leading: unknown = plan[10];
    const types: unknown = plan[11];
    const lengths: unknown = plan[3];
    out.push({
      country,
      ...(typeof leading === 'string' && leading !== '' && { leading: new RegExp(leading, 'y') }),
      whole: entirely(plan[2]),
      types: (Array.isArray(types) ? types : []).flatMap((type: unknown) => {
        if (!Array.isArray(type) || typeof type[0] !== 'string' || type[0] === '') return [];
        const own: unknown = type[1];
        const typeLengths = numbers(own) ?? numbers(lengths);
        return [{ pattern: entirely(type[0]), ...(typeLengths && { lengths: typeLengths }) }];
      }),
    });
  }
  plans.set(callingCode, out);
  return out;
}

/** matchesEntirely's expression, compiled once. */
function entirely(pattern: unknown): RegExp {
  return new RegExp(`^(?:${String(pattern)})$`);
}

function numbers(value: unknown): number[] | undefined {
  return Array.isArray(value) && value.length > 0 && value.every((n) => typeof n === 'number')
    ? value
    : undefined;
}

/**
 * The country libphonenumber's getCountryByCallingCode picks for a national number of a calling
 * code: the first of its countries whose leading digits start the number or, for a country without
 * leading digits, whose national pattern and one number type's pattern (of a possible length) match.
 */
export function exactCountry(callingCode: string, nationalNumber: string): CountryCode | undefined {
  const countries = plansOf(callingCode);
  if (countries.length === 1) return countries[0]?.country;
  for (const plan of countries) {
    if (plan.leading) {
      plan.leading.lastIndex = 0;
      if (nationalNumber && plan.leading.test(nationalNumber)) return plan.country;
      continue;
    }
    if (!plan.whole.test(nationalNumber)) continue;
    for (const type of plan.types)
      if (
        (!type.lengths || type.lengths.includes(nationalNumber.length)) &&
        type.pattern.test(nationalNumber)
      )
        return plan.country;
  }
  return undefined;
}
