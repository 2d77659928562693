import type { Capacity } from '../contract/health';
import { Conflict } from '../core/errors';
import { updateContacts } from '../store/contacts-bulk.repo';
import { cadenceColumns } from './contact-dto';
import { type Deps, nowIso } from './deps';
import { capacity } from './health.service';
import { refreshSchedule } from './schedule';

/** Words for a plan that cannot fit, with the way out: the same sentence the web and CLI show. */
export function shortfallMessage(c: Pick<Capacity, 'shortfall' | 'budget'>): string {
  const s = c.shortfall;
  if (!s) return '';
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  return (
    `${n(s.tracked)} tracked contacts: even all on a yearly cadence that is ${n(s.floorPerWeek)} touches ` +
    `a week against a budget of ${n(c.budget)}. Untrack ${n(s.untrackToFit)} of them (the imported ones?) ` +
    'or raise the budget.'
  );
}

/**
 * Lands the capacity plan: every suggested move becomes that contact's own cadence, in one
 * transaction, computed afresh inside it so the moves match the data they change. A plan that
 * cannot fit changes nothing and says why (409).
 */
export async function applyCapacityMoves(deps: Deps, accountId: string): Promise<Capacity> {
  return deps.store.transaction(async (tx) => {
    const plan = await capacity(deps, accountId, tx);
    if (!plan.over) return plan;
    if (!plan.fits) throw new Conflict(shortfallMessage(plan));
    const now = nowIso(deps);
    // One statement per target cadence, not per contact: a plan can move thousands.
    const byTarget = new Map<string, { to: Capacity['moves'][number]['to']; ids: string[] }>();
    for (const m of plan.moves) {
      const key = JSON.stringify(m.to);
      const group = byTarget.get(key) ?? { to: m.to, ids: [] };
      group.ids.push(m.contactId);
      byTarget.set(key, group);
    }
    for (const { to, ids } of byTarget.values()) {
      await updateContacts(tx, accountId, ids, { ...cadenceColumns(to), updated_at: now });
    }
    for (const m of plan.moves) await refreshSchedule(deps, tx, accountId, m.contactId, { created: false });
    return capacity(deps, accountId, tx);
  });
}
