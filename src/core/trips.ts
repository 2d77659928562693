import { DateTime } from 'luxon';
import { foldText } from './duplicate-keys';
import { CIRCLE_KINDS, type CircleKind } from './vocabulary';

export const TRIP_KINDS = ['trip', 'conference'] as const;
export type TripKind = (typeof TRIP_KINDS)[number];

/** How far ahead a trip starts giving Today reasons: two weeks is time enough to plan a coffee. */
export const TRIP_LEAD_DAYS = 14;

export interface Place {
  city: string | null;
  country: string | null;
}

/** Case- and accent-folded place name: "São Paulo" and "sao  paulo" are the same city. */
export const foldPlace = (name: string | null | undefined): string => (name ? foldText(name) : '');

/**
 * F25: whether a contact lives where a trip goes: same folded city, and, when both sides name a
 * country, the same folded country (Paris, France is not Paris, Texas). A contact without a country
 * matches on the city alone, as most imports leave it empty.
 */
export function livesIn(trip: Place, contact: Place): boolean {
  const city = foldPlace(trip.city);
  if (!city || foldPlace(contact.city) !== city) return false;
  const want = foldPlace(trip.country);
  const have = foldPlace(contact.country);
  return !want || !have || want === have;
}

export interface TripPerson {
  id: string;
  circleKind: CircleKind | null;
  /** Last meaningful interaction, ISO; null when never. */
  lastMeaningfulAt: string | null;
}

const circleRank = (kind: CircleKind | null) => (kind ? CIRCLE_KINDS.indexOf(kind) : CIRCLE_KINDS.length);

/**
 * Order of people to see on a trip: closer circles first (in CIRCLE_KINDS order, no circle last),
 * then the longest since you last really talked (never talked last), so the visit mends the most.
 */
export function rankTripPeople<T extends TripPerson>(people: readonly T[]): T[] {
  return [...people].sort((a, b) => {
    const byCircle = circleRank(a.circleKind) - circleRank(b.circleKind);
    if (byCircle !== 0) return byCircle;
    const at = a.lastMeaningfulAt ?? '~';
    const bt = b.lastMeaningfulAt ?? '~';
    if (at !== bt) return at < bt ? -1 : 1;
    return a.id < b.id ? -1 : 1;
  });
}

export interface TripDates {
  startsOn: string;
  endsOn: string;
}

/**
 * The trips Today speaks of on local date `today` (YYYY-MM-DD): those not over yet and starting
 * within the lead, i.e. ends_on ≥ endingFrom and starts_on ≤ startingBy (both inclusive).
 */
export function nearTripRange(
  today: string,
  leadDays = TRIP_LEAD_DAYS,
): { endingFrom: string; startingBy: string } {
  // Every Today call of a day asks for the same range, and Luxon's parse and plus were a third of
  // the trips reason's CPU: the last answer is kept (a pure function of its two arguments).
  if (today !== lastRange.today || leadDays !== lastRange.leadDays) {
    const day = DateTime.fromISO(today, { zone: 'utc' });
    if (!day.isValid) throw new RangeError(`not a date: ${today}`);
    lastRange = { today, leadDays, startingBy: day.plus({ days: leadDays }).toISODate()! };
  }
  return { endingFrom: today, startingBy: lastRange.startingBy };
}

let lastRange = { today: '', leadDays: Number.NaN, startingBy: '' };

/** "12–15 May", "30 Apr–2 May", "30 Dec 2026–2 Jan 2027", or "12 May" for one day. */
export function dateRange(startsOn: string, endsOn: string): string {
  const s = DateTime.fromISO(startsOn, { zone: 'utc' });
  const e = DateTime.fromISO(endsOn, { zone: 'utc' });
  if (startsOn === endsOn) return s.toFormat('d LLL');
  if (s.year !== e.year) return `${s.toFormat('d LLL yyyy')}–${e.toFormat('d LLL yyyy')}`;
  if (s.month !== e.month) return `${s.toFormat('d LLL')}–${e.toFormat('d LLL')}`;
  return `${s.toFormat('d')}–${e.toFormat('d LLL')}`;
}

/** The Today sentence for one person on one trip: "You are in Lisbon 12–15 May: Ana lives there". */
export function tripDetail(trip: TripDates & { city: string }, firstName: string): string {
  return `You are in ${trip.city} ${dateRange(trip.startsOn, trip.endsOn)}: ${firstName} lives there`;
}
