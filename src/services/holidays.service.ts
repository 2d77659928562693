import type { HolidaySettings, HolidaySettingsBody } from '../contract/holidays';
import { keepsRhythm } from '../core/cadence';
import { Invalid } from '../core/errors';
import { type HolidayChoice, holidaysPerYear, type UpcomingHoliday, upcomingHoliday } from '../core/holidays';
import { MAX_LEAD_DAYS } from '../core/important-dates';
import { localDate } from '../core/instant';
import { HOLIDAY_KINDS } from '../core/vocabulary';
import { type AccountRow, findAccount } from '../store/accounts.repo';
import { type CircleRow, listCircles } from '../store/circles.repo';
import { type PlanGroupRow, trackedPlanGroups } from '../store/health.repo';
import {
  type HolidaySettingRow,
  holidaySettingsOfCircles,
  listHolidaySettings,
  replaceHolidaySettings,
} from '../store/holidays.repo';
import type { Conn } from '../store/store';
import { type Deps, nowIso } from './deps';

/** A circle's holiday choice, decoded; only circles with at least one kind are listed. */
export interface CircleHolidayChoice extends HolidayChoice {
  circleId: string;
  /** Whether the circle's own cadence makes its contacts tracked (ad hoc and not tracked do not). */
  circleTracked: boolean;
}

/** The account's holiday choices per circle, with the kinds the vocabulary still knows. */
export async function holidayChoices(db: Conn, accountId: string): Promise<CircleHolidayChoice[]> {
  return (await holidaySettingsOfCircles(db, accountId)).flatMap((r) =>
    r.kinds.length === 0
      ? []
      : [
          {
            circleId: r.circle_id,
            kinds: r.kinds,
            leadDays: r.lead_days,
            circleTracked: keepsRhythm(r.cadence_kind),
          },
        ],
  );
}

function choicesOf(rows: readonly HolidaySettingRow[], circles: readonly CircleRow[]): CircleHolidayChoice[] {
  const byId = new Map(circles.map((c) => [c.id, c]));
  return rows.flatMap((r) => {
    const circle = byId.get(r.circle_id);
    if (!circle || r.kinds.length === 0) return [];
    return [
      {
        circleId: r.circle_id,
        kinds: r.kinds,
        leadDays: r.lead_days,
        circleTracked: keepsRhythm(circle.cadence_kind),
      },
    ];
  });
}

/**
 * How many tracked contacts each (circle, holiday country) of the chosen circles holds, counted from
 * the plan's groups: a contact counts with a cadence of its own that is kept with a rhythm, or with
 * none in a circle whose cadence is (F2: ad hoc and not tracked never count).
 */
function holidayAudience(
  groups: readonly PlanGroupRow[],
  choices: readonly CircleHolidayChoice[],
): { circle_id: string; country: string; contacts: number }[] {
  const trackedByCircle = new Map(choices.map((c) => [c.circleId, c.circleTracked]));
  const sums = new Map<string, { circle_id: string; country: string; contacts: number }>();
  for (const g of groups) {
    if (!g.circle_id || !g.holiday_country || !trackedByCircle.has(g.circle_id)) continue;
    const counts = g.cadence_kind ? keepsRhythm(g.cadence_kind) : trackedByCircle.get(g.circle_id) === true;
    if (!counts) continue;
    const key = `${g.circle_id}/${g.holiday_country}`;
    const s = sums.get(key) ?? { circle_id: g.circle_id, country: g.holiday_country, contacts: 0 };
    s.contacts += g.n;
    sums.set(key, s);
  }
  return [...sums.values()];
}

/**
 * The holiday settings at `now`. A caller that has read them already (the capacity plan) passes the
 * account, its circles and the tracked contacts counted by trackedPlanGroups; what is not passed is
 * read here (the groups only if a circle has a choice).
 */
export async function holidaySettingsOf(
  db: Conn,
  accountId: string,
  now: string,
  known: { groups?: readonly PlanGroupRow[]; circles?: readonly CircleRow[]; account?: AccountRow } = {},
): Promise<HolidaySettings> {
  const [settingRows, circles, account] = await Promise.all([
    listHolidaySettings(db, accountId),
    known.circles ?? listCircles(db, accountId),
    known.account ?? findAccount(db, accountId),
  ]);
  const choices = choicesOf(settingRows, circles);
  const year = localDate(now, account?.time_zone).year;
  const audience =
    choices.length === 0
      ? []
      : holidayAudience(known.groups ?? (await trackedPlanGroups(db, accountId)), choices);
  const byCircle = new Map(choices.map((c) => [c.circleId, c]));
  const rows = circles.flatMap((circle) => {
    const choice = byCircle.get(circle.id);
    if (!choice) return [];
    const here = audience.filter((a) => a.circle_id === circle.id);
    return [
      {
        circleId: circle.id,
        kinds: [...choice.kinds],
        leadDays: choice.leadDays,
        contacts: here.reduce((n, a) => n + a.contacts, 0),
        touchesPerYear: here.reduce((n, a) => n + a.contacts * holidaysPerYear(a.country, year, choice), 0),
      },
    ];
  });
  return { circles: rows, touchesPerYear: rows.reduce((n, r) => n + r.touchesPerYear, 0) };
}

/** F9 settings: which holidays count per circle, with the touches a year they add (F3). */
/** `db`: the caller's transaction when there is one (SQLite has one connection: a read beside it waits forever). */
export async function getHolidaySettings(
  deps: Deps,
  accountId: string,
  db: Conn = deps.store.read,
): Promise<HolidaySettings> {
  return holidaySettingsOf(db, accountId, nowIso(deps));
}

/** Replaces the holiday choice of every circle; a circle left out (or with no kinds) gets none. */
export async function putHolidaySettings(
  deps: Deps,
  accountId: string,
  body: HolidaySettingsBody,
): Promise<HolidaySettings> {
  return deps.store.transaction(async (tx) => {
    const circles = new Set((await listCircles(tx, accountId)).map((c) => c.id));
    body.circles.forEach((c, i) => {
      if (!circles.has(c.circleId)) throw new Invalid('no such circle', `circles.${i}.circleId`);
    });
    await replaceHolidaySettings(
      tx,
      accountId,
      body.circles
        .filter((c) => c.kinds.length > 0)
        .map((c) => ({
          circleId: c.circleId,
          kinds: [...new Set(c.kinds)],
          leadDays: c.leadDays,
        })),
      nowIso(deps),
    );
    return holidaySettingsOf(tx, accountId, nowIso(deps));
  });
}

/** The holiday a contact is to be greeted for at `now` under their circle's choice, or null. */
export function holidayFor(
  choices: readonly CircleHolidayChoice[],
  contact: { circleId: string | null; country: string | null; zone: string | null },
  now: string,
): UpcomingHoliday | null {
  const choice = choices.find((c) => c.circleId === contact.circleId);
  if (!choice || !contact.country) return null;
  return upcomingHoliday(contact.country, contact.zone, choice, now);
}

// Without a choice for the contact's circle, a draft still finds their next named feast this far ahead.
const ANY_NAMED: HolidayChoice = {
  kinds: HOLIDAY_KINDS.filter((k) => k !== 'public_holiday'),
  leadDays: MAX_LEAD_DAYS,
};

/** The holiday a draft for this contact greets: their circle's choice first, else their next named feast within 30 days. */
export async function contactHoliday(
  db: Conn,
  accountId: string,
  contact: { circle_id: string | null; holiday_country: string | null; time_zone: string | null },
  now: string,
): Promise<UpcomingHoliday | null> {
  if (!contact.holiday_country) return null;
  const chosen = holidayFor(
    await holidayChoices(db, accountId),
    { circleId: contact.circle_id, country: contact.holiday_country, zone: contact.time_zone },
    now,
  );
  return chosen ?? upcomingHoliday(contact.holiday_country, contact.time_zone, ANY_NAMED, now);
}
