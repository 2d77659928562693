import { storedHealthScore } from '../core/health';
import { listCircles } from '../store/circles.repo';
import type { ContactRow } from '../store/contacts.repo';
import { setHealthScore, staleHealthContacts, touchHealthComputed } from '../store/health.repo';
import { contactCadence } from './contact-dto';
import type { Deps } from './deps';
import { yearOfInteractions } from './health-interactions';

/** Contacts rescored per tick: 30,000 stale contacts take a few minutes of ticks, none of them long. */
export const HEALTH_BATCH = 2000;

export interface HealthRefreshReport {
  rescored: number;
  changed: number;
}

/** UTC midnight of `now`'s day: a score computed before it is stale (recency falls day by day). */
function dayStart(now: string): string {
  return `${now.slice(0, 10)}T00:00:00.000Z`;
}

/**
 * The daily part of F20's stored score: writes keep it current in their own transaction
 * (refreshSchedule), but recency and the 12-month window move with time alone, so the tick
 * rescores every contact not yet scored today, a batch at a time, with the same core function.
 */
export async function refreshStaleHealth(deps: Deps, limit = HEALTH_BATCH): Promise<HealthRefreshReport> {
  const now = deps.clock().toISOString();
  return deps.store.transaction(async (tx) => {
    const stale = await staleHealthContacts(tx, dayStart(now), limit);
    const byAccount = new Map<string, ContactRow[]>();
    for (const c of stale) byAccount.set(c.account_id, [...(byAccount.get(c.account_id) ?? []), c]);
    let changed = 0;
    for (const [accountId, contacts] of byAccount) {
      const circles = new Map((await listCircles(tx, accountId)).map((r) => [r.id, r]));
      const interactions = await yearOfInteractions(
        tx,
        accountId,
        now,
        contacts.map((c) => c.id),
      );
      const same: string[] = [];
      for (const c of contacts) {
        const score = storedHealthScore(
          {
            cadence: contactCadence(c, c.circle_id ? circles.get(c.circle_id) : null),
            lastMeaningfulAt: c.last_meaningful_at,
            createdAt: c.created_at,
            interactions: interactions.get(c.id) ?? [],
          },
          now,
        );
        if (score === c.health_score && c.health_computed_at !== null) same.push(c.id);
        else {
          changed += 1;
          await setHealthScore(tx, accountId, c.id, score, now);
        }
      }
      for (let i = 0; i < same.length; i += 500)
        await touchHealthComputed(tx, accountId, same.slice(i, i + 500), now);
    }
    return { rescored: stale.length, changed };
  });
}
