import { DAY_MS } from '../core/instant';
import {
  describeRoleAnniversary,
  ROLE_ANNIVERSARY_LEAD_DAYS,
  ROLE_CHANGE_KINDS,
  roleAnniversary,
} from '../core/role-anniversary';
import { type ExtensionReason, TODAY_WEIGHTS } from '../core/today-reasons';
import { roleChangesOn } from '../store/life-events.repo';
import type { Deps } from './deps';

const MAX_REASONS = 40;

/**
 * F9 Today reasons: a job change recorded by an import diff or by hand comes back every year as
 * "One year in the new role". Work anniversaries entered as important dates are already
 * `anniversary` reasons; this covers the job changes nobody typed a date for.
 */
export async function roleAnniversaryReasons(
  deps: Deps,
  accountId: string,
  now: string,
): Promise<ExtensionReason[]> {
  const nowMs = Date.parse(now);
  // From yesterday (zones ahead of UTC) to the lead plus a day (zones behind), as month-days.
  const monthDays = new Set<string>();
  for (let d = -1; d <= ROLE_ANNIVERSARY_LEAD_DAYS + 1; d++) {
    const iso = new Date(nowMs + d * DAY_MS).toISOString();
    monthDays.add(iso.slice(5, 10));
    if (iso.slice(5, 10) === '02-28') monthDays.add('02-29');
  }
  const rows = await roleChangesOn(deps.store.read, accountId, {
    monthDays: [...monthDays],
    before: now.slice(0, 10),
    limit: MAX_REASONS * 2,
  });
  const seen = new Set<string>();
  const reasons: ExtensionReason[] = [];
  for (const r of rows) {
    // Only the latest job change counts: two years after moving on, the old role's anniversary is no news.
    const kind = ROLE_CHANGE_KINDS.find((k) => k === r.kind);
    const a = kind ? roleAnniversary(r.occurred_on, now, r.time_zone) : null;
    if (!kind || !a || r.latest !== r.occurred_on) continue;
    if (seen.has(r.contact_id) || reasons.length >= MAX_REASONS) continue;
    seen.add(r.contact_id);
    reasons.push({
      kind: 'role_anniversary',
      contactId: r.contact_id,
      detail: describeRoleAnniversary(kind, a),
      weight: Math.max(0, TODAY_WEIGHTS.role_anniversary - 5 * a.inDays),
    });
  }
  return reasons;
}
