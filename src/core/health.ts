import { cadenceInterval, cadenceLabel } from './cadence';
import { DAY_MS, toMillis } from './instant';
import type { Cadence, Channel, Direction } from './vocabulary';

/** How much a touch on each channel says about closeness: meeting > writing properly > a quick ping. */
export const CHANNEL_DEPTH = {
  in_person: 1,
  video: 1,
  call: 1,
  email: 0.6,
  card: 0.6,
  text: 0.3,
  linkedin: 0.3,
  social_dm: 0.3,
  event: 0.3,
} as const satisfies Record<Channel, number>;

/** Maximum points per part; they add up to 100 (see docs/health.md). */
export const HEALTH_WEIGHTS = { recency: 40, reciprocity: 25, responsiveness: 20, depth: 15 } as const;

export interface HealthInteraction {
  direction: Direction;
  channel: Channel;
  occurredAt: string;
  awaitingReply?: boolean;
}

export interface HealthInput {
  cadence: Cadence;
  lastMeaningfulAt: string | null;
  createdAt: string;
  interactions: readonly HealthInteraction[];
}

export interface HealthScore {
  score: number;
  /** Never contacted: nothing to judge, so no recency points; shown as "no history", not as health. */
  noHistory: boolean;
  parts: { recency: number; reciprocity: number; responsiveness: number; depth: number };
  explanation: string;
}

const WINDOW_DAYS = 365;
// An awaited reply younger than the first retry (21 d) is still pending, not a miss.
const REPLY_GRACE_DAYS = 21;
// Without a cadence (ad hoc, untracked) recency is judged against a yearly rhythm.
const FALLBACK: Cadence = { kind: 'yearly' };

function recencyPoints(elapsedDays: number, due: number, overdue: number): number {
  const max = HEALTH_WEIGHTS.recency;
  if (elapsedDays <= due) return max;
  // Full marks until due, half marks at the overdue limit, nothing at twice the overdue limit.
  if (elapsedDays <= overdue) return max - (max / 2) * ((elapsedDays - due) / Math.max(1, overdue - due));
  return (max / 2) * Math.max(0, 1 - (elapsedDays - overdue) / overdue);
}

/** F20: a transparent 0–100 health score (recency 40, reciprocity 25, responsiveness 20, depth 15). */
export function healthScore(input: HealthInput, now: string): HealthScore {
  const end = toMillis(now);
  const cadence = cadenceInterval(input.cadence) ? input.cadence : FALLBACK;
  const interval = cadenceInterval(cadence)!;
  const anchor = toMillis(input.lastMeaningfulAt ?? input.createdAt);
  const elapsed = Math.max(0, (end - anchor) / DAY_MS);
  // A contact never reached has no recency to reward: a fresh import must not read as healthy.
  const noHistory = input.lastMeaningfulAt === null;
  const recency = noHistory ? 0 : Math.round(recencyPoints(elapsed, interval.dueDays, interval.overdueDays));

  const recent = input.interactions
    .map((i) => ({ ...i, at: toMillis(i.occurredAt) }))
    .filter((i) => i.at <= end && end - i.at < WINDOW_DAYS * DAY_MS);
  const inbound = recent.filter((i) => i.direction === 'inbound');
  // Best at an even split: 25 at 50 % inbound, falling linearly to 0 at either extreme.
  const share = recent.length ? inbound.length / recent.length : 0;
  const reciprocity = recent.length
    ? Math.round(HEALTH_WEIGHTS.reciprocity * (1 - 2 * Math.abs(share - 0.5)))
    : 0;

  let asked = 0;
  let answered = 0;
  for (const o of recent) {
    if (o.direction !== 'outbound' || !o.awaitingReply) continue;
    const replied = inbound.some((i) => i.at > o.at);
    if (!replied && end - o.at < REPLY_GRACE_DAYS * DAY_MS) continue;
    asked += 1;
    answered += replied ? 1 : 0;
  }
  // No evidence either way earns half marks, so never asking is neither rewarded nor punished.
  const responsiveness = Math.round(HEALTH_WEIGHTS.responsiveness * (asked ? answered / asked : 0.5));

  const meanDepth = recent.length
    ? recent.reduce((sum, i) => sum + CHANNEL_DEPTH[i.channel], 0) / recent.length
    : 0;
  const depth = Math.round(HEALTH_WEIGHTS.depth * meanDepth);

  const score = recency + reciprocity + responsiveness + depth;
  const lastText = input.lastMeaningfulAt
    ? `last contact ${Math.floor(elapsed)} days ago`
    : `no history: never contacted (added ${Math.floor(elapsed)} days ago)`;
  const explanation = [
    `${score}/100: ${lastText} vs a ${cadenceLabel(cadence)} target of ${interval.dueDays} days`,
    recent.length
      ? `they started ${inbound.length} of ${recent.length} exchanges this year`
      : 'no exchanges this year',
    asked ? `${answered} of ${asked} awaited replies came` : 'no replies awaited',
    recent.length === 0
      ? 'no channel yet'
      : meanDepth >= 0.8
        ? 'mostly calls and meetings'
        : meanDepth >= 0.5
          ? 'mostly written'
          : 'mostly quick messages',
  ].join('; ');
  return {
    score,
    noHistory,
    parts: { recency, reciprocity, responsiveness, depth },
    explanation: `${explanation}.`,
  };
}

/** The score the contacts list stores, filters and sorts by: null = no history, as the dashboard counts it. */
export function storedHealthScore(input: HealthInput, now: string): number | null {
  const h = healthScore(input, now);
  return h.noHistory ? null : h.score;
}
