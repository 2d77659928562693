/** Two- and three-digit zero-padded numbers, so formatting needs no padStart. */
const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** Year 10000 starts here: past it toISOString writes a six-digit year (+010000). */
const YEAR_10000 = 253_402_300_800_000;
const DAY_MS = 86_400_000;

/**
 * `new Date(ms).toISOString()` computed by arithmetic for integer instants in years 1970–9999 (the
 * days-to-civil algorithm of H. Hinnant's "chrono-Compatible Low-Level Date Algorithms"), and by
 * Date itself for any other value: ~0.25 µs instead of ~0.6 µs. The dashboard formats some 60
 * instants a request (chart weeks, cadence bounds).
 */
export function utcIso(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms >= YEAR_10000) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  let t = ms - days * DAY_MS;
  // Days since 0000-03-01, so that the leap day ends each 400-year era's year.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(t / 3_600_000);
  t -= hours * 3_600_000;
  const minutes = Math.floor(t / 60_000);
  t -= minutes * 60_000;
  const seconds = Math.floor(t / 1000);
  return `${year}-${PAD2[month]}-${PAD2[day]}T${PAD2[hours]}:${PAD2[minutes]}:${PAD2[seconds]}.${PAD3[t - seconds * 1000]}Z`;
}
