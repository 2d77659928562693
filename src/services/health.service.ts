import type { Capacity, Health } from '../contract/health';
import { capacityPlan, touchesByCircle } from '../core/capacity';
import { NotFound } from '../core/errors';
import { type HealthInteraction, healthScore } from '../core/health';
import { oneSided } from '../core/one-sided';
import type { Channel, CircleKind, Direction } from '../core/vocabulary';
import { findAccount } from '../store/accounts.repo';
import { type CircleRow, listCircles } from '../store/circles.repo';
import { findContact } from '../store/contacts.repo';
import { interactionsSince, trackedContacts } from '../store/health.repo';
import type { Conn } from '../store/store';
import { contactCadence } from './contact-dto';
import type { Deps } from './deps';
import { getHolidaySettings } from './holidays.service';

const YEAR_MS = 365 * 86_400_000;

async function circlesById(db: Conn, accountId: string): Promise<Map<string, CircleRow>> {
  return new Map((await listCircles(db, accountId)).map((r) => [r.id, r]));
}

/** The last 12 months of interactions of these contacts (or of all), grouped by contact. */
async function yearOfInteractions(db: Conn, accountId: string, since: string, contactId?: string) {
  const out = new Map<string, HealthInteraction[]>();
  for (const r of await interactionsSince(db, accountId, since, contactId)) {
    const list = out.get(r.contact_id) ?? [];
    list.push({
      direction: r.direction as Direction,
      channel: r.channel as Channel,
      occurredAt: r.occurred_at,
      awaitingReply: r.awaiting_reply === 1,
    });
    out.set(r.contact_id, list);
  }
  return out;
}

/** F20 + F18: the contact's health score with its parts, and whether the relationship is one-sided. */
export async function contactHealth(deps: Deps, accountId: string, contactId: string): Promise<Health> {
  const db = deps.store.read;
  const c = await findContact(db, accountId, contactId);
  if (!c) throw new NotFound('contact not found');
  const now = deps.clock().toISOString();
  const circles = await circlesById(db, accountId);
  const interactions =
    (
      await yearOfInteractions(db, accountId, new Date(Date.parse(now) - YEAR_MS).toISOString(), contactId)
    ).get(contactId) ?? [];
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
  const [account, circles, contacts, interactions, holidays] = await Promise.all([
    findAccount(db, accountId),
    circlesById(db, accountId),
    trackedContacts(db, accountId),
    yearOfInteractions(db, accountId, new Date(Date.parse(now) - YEAR_MS).toISOString()),
    getHolidaySettings(deps, accountId),
  ]);
  const planned = contacts.map((c) => {
    const circle = c.circle_id ? circles.get(c.circle_id) : undefined;
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
    const kind = (circle?.kind as CircleKind | undefined) ?? null;
    const name = `${c.first_name} ${c.last_name}`.trim();
    return { id: c.id, name, cadence, circle: kind, circleId: c.circle_id, health };
  });
  const plan = capacityPlan(planned, account?.weekly_budget ?? 15, holidays.touchesPerYear / WEEKS_PER_YEAR);
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
