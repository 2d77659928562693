import type { Capacity, Health } from '../contract/health';
import { capacityPlan, planRanksByHealth, touchesByCircle } from '../core/capacity';
import { NotFound } from '../core/errors';
import { healthScore } from '../core/health';
import { oneSided } from '../core/one-sided';
import { findAccount } from '../store/accounts.repo';
import { type CircleRow, listCircles } from '../store/circles.repo';
import { findContact } from '../store/contacts.repo';
import { trackedContacts } from '../store/health.repo';
import type { Conn } from '../store/store';
import { contactCadence } from './contact-dto';
import type { Deps } from './deps';
import { yearOfInteractions } from './health-interactions';
import { getHolidaySettings } from './holidays.service';

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

/** F3: touches per week implied by every tracked cadence against the weekly budget, with moves when over. */
const WEEKS_PER_YEAR = 365.25 / 7;

export async function capacity(deps: Deps, accountId: string, db: Conn = deps.store.read): Promise<Capacity> {
  const now = deps.clock().toISOString();
  const [account, circles, contacts, holidays] = await Promise.all([
    findAccount(db, accountId),
    circlesById(db, accountId),
    trackedContacts(db, accountId),
    getHolidaySettings(deps, accountId, db),
  ]);
  const budget = account?.weekly_budget ?? 15;
  const extra = holidays.touchesPerYear / WEEKS_PER_YEAR;
  const cadences = contacts.map((c) => contactCadence(c, c.circle_id ? circles.get(c.circle_id) : undefined));
  // Health only orders the moves: a plan that fits, or cannot fit at all, does not read it, and a
  // year of interactions is most of the cost on a large network.
  const interactions = planRanksByHealth(cadences, budget, extra)
    ? await yearOfInteractions(db, accountId, now)
    : null;
  const planned = contacts.map((c, i) => {
    const circle = c.circle_id ? circles.get(c.circle_id) : undefined;
    const cadence = cadences[i] ?? contactCadence(c, circle);
    const health = interactions
      ? healthScore(
          {
            cadence,
            lastMeaningfulAt: c.last_meaningful_at,
            createdAt: c.created_at,
            interactions: interactions.get(c.id) ?? [],
          },
          now,
        ).score
      : 0;
    const kind = circle?.kind ?? null;
    const name = `${c.first_name} ${c.last_name}`.trim();
    return { id: c.id, name, cadence, circle: kind, circleId: c.circle_id, health };
  });
  const plan = capacityPlan(planned, budget, extra);
  const byCircle = touchesByCircle(planned);
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
