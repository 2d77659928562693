import type { Trip, TripCreate, TripPatch, TripPeople, TripPerson, TripQuery } from '../contract/trips';
import { Invalid, NotFound } from '../core/errors';
import { localDate } from '../core/instant';
import type { ExtensionReason, TodayContext } from '../core/today-reasons';
import { livesIn, nearTripRange, type Place, rankTripPeople, tripDetail } from '../core/trips';
import { findAccount } from '../store/accounts.repo';
import type { Conn } from '../store/store';
import {
  type CityContactRow,
  contactCities,
  contactsInCities,
  deleteTrip,
  findTrip,
  insertTrip,
  listTrips as listRows,
  type TripRow,
  updateTrip,
} from '../store/trips.repo';
import { displayName } from './contact-dto';
import { type Deps, nowIso } from './deps';

// Bounds that keep a trip's page and Today cheap whatever the network holds.
const MAX_PEOPLE = 500;
const MAX_TODAY_TRIPS = 20;
const MAX_TODAY_PEOPLE = 200;

export function toTripDto(r: TripRow): Trip {
  return {
    id: r.id,
    name: r.name,
    city: r.city,
    country: r.country,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    kind: r.kind,
    createdAt: r.created_at,
  };
}

/** The account's local date for an instant: trips are planned in local days. */
async function localToday(db: Conn, accountId: string, now: string): Promise<string> {
  return localDateIn((await findAccount(db, accountId))?.time_zone, now);
}

// The zone's local day from core/zone-day's memo: parsing `now` with Luxon in the zone on every
// Today call was most of the trips extension's CPU.
const localDateIn = (zone: string | null | undefined, now: string) => {
  const d = localDate(now, zone);
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
};

/** F25: every trip, soonest first; `upcoming` keeps those not yet over. */
export async function listTrips(deps: Deps, accountId: string, q: TripQuery): Promise<Trip[]> {
  const db = deps.store.read;
  const endingFrom = q.upcoming ? await localToday(db, accountId, nowIso(deps)) : undefined;
  return (await listRows(db, accountId, { ...(endingFrom && { endingFrom }), limit: 1000 })).map(toTripDto);
}

export async function addTrip(deps: Deps, accountId: string, input: TripCreate): Promise<Trip> {
  const row = {
    account_id: accountId,
    id: deps.newId(),
    name: input.name ?? input.city,
    city: input.city,
    country: input.country,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    kind: input.kind,
    created_at: nowIso(deps),
  };
  await insertTrip(deps.store.read, row);
  return toTripDto(row);
}

async function requireTrip(db: Conn, accountId: string, id: string): Promise<TripRow> {
  const row = await findTrip(db, accountId, id);
  if (!row) throw new NotFound('trip not found');
  return row;
}

export async function getTrip(deps: Deps, accountId: string, id: string): Promise<Trip> {
  return toTripDto(await requireTrip(deps.store.read, accountId, id));
}

export async function patchTrip(deps: Deps, accountId: string, id: string, patch: TripPatch): Promise<Trip> {
  return deps.store.transaction(async (trx) => {
    const row = await requireTrip(trx, accountId, id);
    const values = {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.city !== undefined && { city: patch.city }),
      ...(patch.country !== undefined && { country: patch.country }),
      ...(patch.startsOn !== undefined && { starts_on: patch.startsOn }),
      ...(patch.endsOn !== undefined && { ends_on: patch.endsOn }),
      ...(patch.kind !== undefined && { kind: patch.kind }),
    };
    const next = { ...row, ...values };
    // The contract checks the pair when both come together; one alone is checked against the row.
    if (next.ends_on < next.starts_on) throw new Invalid('must be on or after startsOn', 'endsOn');
    await updateTrip(trx, accountId, id, values);
    return toTripDto(next);
  });
}

export async function removeTrip(deps: Deps, accountId: string, id: string): Promise<void> {
  if ((await deleteTrip(deps.store.read, accountId, id)) === 0) throw new NotFound('trip not found');
}

/** The stored city spellings that fold to the trip's place (accents, case, country). */
function matchingCities(all: { city: string; country: string | null }[], place: Place): string[] {
  return [...new Set(all.filter((c) => livesIn(place, c)).map((c) => c.city))];
}

function rank(rows: CityContactRow[], place: Place): CityContactRow[] {
  const matching = rows.filter((r) => livesIn(place, r));
  return rankTripPeople(
    matching.map((r) => ({
      ...r,
      circleKind: r.circle_kind,
      lastMeaningfulAt: r.last_meaningful_at,
    })),
  );
}

const toPerson = (r: CityContactRow): TripPerson => ({
  contactId: r.id,
  name: displayName(r),
  company: r.company,
  city: r.city,
  country: r.country,
  circleId: r.circle_id,
  lastMeaningfulAt: r.last_meaningful_at,
  tracked: r.tracked === 1,
});

/** F25: who lives where the trip goes, closer circles first, then the longest since you talked. */
export async function tripPeople(deps: Deps, accountId: string, id: string): Promise<TripPeople> {
  const db = deps.store.read;
  const trip = await requireTrip(db, accountId, id);
  const cities = matchingCities(await contactCities(db, accountId), trip);
  const rows = await contactsInCities(db, accountId, cities, { limit: MAX_PEOPLE });
  return { trip: toTripDto(trip), items: rank(rows, trip).map(toPerson) };
}

/**
 * F25 Today reasons: for trips under way or starting within two weeks, each tracked contact who
 * lives in that city gets "You are in Lisbon 12–15 May: Ana lives there" (the soonest trip only).
 */
export async function tripTodayReasons(
  deps: Deps,
  accountId: string,
  now: string,
  context?: TodayContext,
): Promise<ExtensionReason[]> {
  const db = deps.store.read;
  const today = context ? localDateIn(context.timeZone, now) : await localToday(db, accountId, now);
  const trips = await listRows(db, accountId, { ...nearTripRange(today), limit: MAX_TODAY_TRIPS });
  if (trips.length === 0) return [];
  const all = await contactCities(db, accountId);
  const reasons = new Map<string, ExtensionReason>();
  for (const trip of trips) {
    const cities = matchingCities(all, trip);
    if (cities.length === 0) continue;
    const rows = await contactsInCities(db, accountId, cities, {
      trackedOnly: true,
      limit: MAX_TODAY_PEOPLE,
    });
    for (const r of rank(rows, trip)) {
      if (reasons.has(r.id)) continue;
      reasons.set(r.id, {
        kind: 'trip',
        contactId: r.id,
        detail: tripDetail(
          { city: trip.city, startsOn: trip.starts_on, endsOn: trip.ends_on },
          r.first_name || displayName(r),
        ),
      });
    }
  }
  return [...reasons.values()];
}
