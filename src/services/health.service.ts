import type { Capacity, Health } from '../contract/health';
import { type CapacityContact, capacityPlan, capacityPlanOfGroups, touchesByCircle } from '../core/capacity';
import { NotFound } from '../core/errors';
import { healthScore } from '../core/health';
import { oneSided } from '../core/one-sided';
import type { Cadence } from '../core/vocabulary';
import { findAccount } from '../store/accounts.repo';
import { type CircleRow, listCircles } from '../store/circles.repo';
import { findContact } from '../store/contacts.repo';
import { trackedContacts, trackedPlanGroups } from '../store/health.repo';
import type { Conn } from '../store/store';
import { contactCadence } from './contact-dto';
import type { Deps } from './deps';
import { yearOfInteractions } from './health-interactions';
import { holidaySettingsOf } from './holidays.service';

async function circlesById(db: Conn, accountId: string): Promise<Map<string, CircleRow>> {
  return new Map((await listCircles(db, accountId)).map((r) => [r.id, r]));
}

/** F20 + F18: the contact's health score with its parts, and whether the relationship is one-sided. */
export async function contactHealth(deps: Deps, accountId: string, contactId: string): Promise<Health> {
  const db = deps.store.read;
  const c = await findContact(db, accountId, contactId);
  if (!c) throw new NotFound('contact not found');
  const now = deps.clock().toISOString();
  const circles = await circlesById(db, accountId);
  const interactions = (await yearOfInteractions(db, accountId, now, [contactId])).get(contactId) ?? [];
  const cadence = contactCadence(c, c.circle_id ? circles.get(c.circle_id) : null);
  const h = healthScore(
    { cadence, lastMeaningfulAt: c.last_meaningful_at, createdAt: c.created_at, interactions },
    now,
  );
  const one = oneSided(interactions, now);
  return {
    contactId,
    score: Math.round(h.score),
    parts: h.parts,
    explanation: h.explanation,
    oneSided: {
      flagged: one.flagged,
      initiatedShare: one.initiatedShare,
      unanswered: one.unanswered,
      suggestions: one.flagged ? one.suggestions : [],
      sentence: one.flagged ? one.sentence : null,
    },
  };
}

const WEEKS_PER_YEAR = 365.25 / 7;

/** The tracked contacts by name and id with their health, for a plan that ranks its moves. */
async function rankedContacts(
  db: Conn,
  accountId: string,
  now: string,
  circleOf: (id: string | null) => CircleRow | undefined,
): Promise<(CapacityContact & { circleId: string | null })[]> {
  const [contacts, interactions] = await Promise.all([
    trackedContacts(db, accountId),
    yearOfInteractions(db, accountId, now),
  ]);
  return contacts.map((c) => {
    const circle = circleOf(c.circle_id);
    const cadence = contactCadence(c, circle);
    const health = healthScore(
      {
        cadence,
        lastMeaningfulAt: c.last_meaningful_at,
        createdAt: c.created_at,
        interactions: interactions.get(c.id) ?? [],
      },
      now,
    ).score;
    const name = `${c.first_name} ${c.last_name}`.trim();
    return { id: c.id, name, cadence, circle: circle?.kind ?? null, circleId: c.circle_id, health };
  });
}

/** F3: touches per week implied by every tracked cadence against the weekly budget, with moves when over. */
export async function capacity(deps: Deps, accountId: string, db: Conn = deps.store.read): Promise<Capacity> {
  const now = deps.clock().toISOString();
  // One grouped, index-only read of the tracked contacts feeds the cadence totals and the holiday
  // audience alike (two scans of the contacts table before: 71 of the plan's 103 ms at 30,000).
  const [account, circleList, groups] = await Promise.all([
    findAccount(db, accountId),
    listCircles(db, accountId),
    trackedPlanGroups(db, accountId),
  ]);
  const holidays = await holidaySettingsOf(db, accountId, now, { groups, circles: circleList, account });
  const circles = new Map(circleList.map((r) => [r.id, r]));
  const budget = account?.weekly_budget ?? 15;
  const extra = holidays.touchesPerYear / WEEKS_PER_YEAR;
  const circleOf = (id: string | null) => (id ? circles.get(id) : undefined);
  // The holiday country does not matter here: a few dozen groups per circle and cadence, not thousands.
  const byCadence = new Map<string, { circleId: string | null; cadence: Cadence; n: number }>();
  for (const g of groups) {
    const key = JSON.stringify([g.circle_id, g.cadence_kind, g.cadence_every, g.cadence_unit]);
    const known = byCadence.get(key);
    if (known) known.n += g.n;
    else
      byCadence.set(key, {
        circleId: g.circle_id,
        cadence: contactCadence({ ...g, tracked: 1 }, circleOf(g.circle_id)),
        n: g.n,
      });
  }
  const counted = [...byCadence.values()];
  // Only a plan with moves to rank needs who the contacts are and their health (a year of
  // interactions): at 30,000 contacts reading the rows was most of the plan's time. Any other plan
  // (under the budget, or over it whatever the cadences) comes from the counts alone.
  const grouped = capacityPlanOfGroups(counted, budget, extra);
  const ranked = grouped ? null : await rankedContacts(db, accountId, now, circleOf);
  const plan = grouped ?? capacityPlan(ranked ?? [], budget, extra);
  const byCircle = touchesByCircle(ranked ?? counted);
  const circleRows = [...circles.values()].map((r) => ({
    circleId: r.id,
    name: r.name,
    ...(byCircle.get(r.id) ?? { contacts: 0, touchesPerWeek: 0 }),
  }));
  const none = byCircle.get(null);
  return {
    ...plan,
    holidayTouchesPerYear: holidays.touchesPerYear,
    circles: none ? [...circleRows, { circleId: null, name: 'No circle', ...none }] : circleRows,
  };
}
