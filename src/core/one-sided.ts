import { DAY_MS, toMillis } from './instant';
import type { Direction } from './vocabulary';

/** What F18 suggests when a relationship runs one way. */
export const ONE_SIDED_SUGGESTIONS = ['slow_cadence', 'try_different_value', 'let_fade'] as const;
export type OneSidedSuggestion = (typeof ONE_SIDED_SUGGESTIONS)[number];

export type OneSidedResult =
  | { flagged: false; initiatedShare: number; unanswered: number }
  | {
      flagged: true;
      initiatedShare: number;
      unanswered: number;
      suggestions: OneSidedSuggestion[];
      sentence: string;
    };

/** Thresholds from F18: the user starts at least 80 % of exchanges and at least three went unanswered. */
export const ONE_SIDED_SHARE = 0.8;
export const ONE_SIDED_UNANSWERED = 3;
// A message younger than two weeks may simply not have been answered *yet*.
const REPLY_GRACE_DAYS = 14;
const WINDOW_DAYS = 365;

/** F18: flags a contact when, over the last 12 months, the user initiates nearly everything and gets no reply. */
export function oneSided(
  interactions: readonly { direction: Direction; occurredAt: string }[],
  now: string,
): OneSidedResult {
  const end = toMillis(now);
  const start = end - WINDOW_DAYS * DAY_MS;
  const recent = interactions
    .map((i) => ({ direction: i.direction, at: toMillis(i.occurredAt) }))
    .filter((i) => i.at > start && i.at <= end)
    .sort((a, b) => a.at - b.at);
  const outbound = recent.filter((i) => i.direction === 'outbound').length;
  const initiatedShare = recent.length === 0 ? 0 : outbound / recent.length;

  // An outbound is unanswered when the next thing that happened was another outbound (or nothing, after grace).
  let unanswered = 0;
  recent.forEach((i, idx) => {
    if (i.direction !== 'outbound') return;
    const next = recent[idx + 1];
    if (next) unanswered += next.direction === 'outbound' ? 1 : 0;
    else if (end - i.at >= REPLY_GRACE_DAYS * DAY_MS) unanswered += 1;
  });

  if (initiatedShare < ONE_SIDED_SHARE || unanswered < ONE_SIDED_UNANSWERED) {
    return { flagged: false, initiatedShare, unanswered };
  }
  return {
    flagged: true,
    initiatedShare,
    unanswered,
    suggestions: [...ONE_SIDED_SUGGESTIONS],
    sentence:
      `You started ${outbound} of the last ${recent.length} exchanges and ${unanswered} messages went unanswered: ` +
      'consider a slower cadence, offering something different, or letting it fade gracefully.',
  };
}
