import type { HealthInteraction } from '../core/health';
import { interactionsSince } from '../store/health.repo';
import type { Conn } from '../store/store';

const YEAR_MS = 365 * 86_400_000;

/** The start of the year of history core/health.ts looks at, for `now`. */
export function healthWindowStart(now: string): string {
  return new Date(Date.parse(now) - YEAR_MS).toISOString();
}

/** The last 12 months of interactions of these contacts (or of all), grouped by contact. */
export async function yearOfInteractions(
  db: Conn,
  accountId: string,
  now: string,
  contactIds?: readonly string[],
): Promise<Map<string, HealthInteraction[]>> {
  const out = new Map<string, HealthInteraction[]>();
  for (const r of await interactionsSince(db, accountId, healthWindowStart(now), contactIds)) {
    const list = out.get(r.contact_id) ?? [];
    list.push({
      direction: r.direction,
      channel: r.channel,
      occurredAt: r.occurred_at,
      awaitingReply: r.awaiting_reply === 1,
    });
    out.set(r.contact_id, list);
  }
  return out;
}
