import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backOffOfHistory,
  FIRST_RETRY_DAYS,
  type HistoryEntry,
  type LaterInteraction,
  RETRY_LAPSE_DAYS,
  SECOND_RETRY_DAYS,
} from './back-off';
import { addDays, toIso, toMillis } from './instant';

// The rule as it was written before each instant was parsed once (commit 14525a4), kept as the
// plain definition the faster one must match on every history.
const ms = toMillis;
function plainState(outreach: { occurredAt: string }, later: readonly LaterInteraction[], now: string) {
  const start = ms(outreach.occurredAt);
  const after = later
    .filter((i) => ms(i.occurredAt) > start && ms(i.occurredAt) <= ms(now))
    .sort((a, b) => ms(a.occurredAt) - ms(b.occurredAt));
  if (after.some((i) => i.direction === 'inbound')) return { state: 'none' };
  const due1 = addDays(outreach.occurredAt, FIRST_RETRY_DAYS);
  const skippedDue2 = addDays(due1, SECOND_RETRY_DAYS);
  const done1 = after.find(
    (i) => i.direction === 'outbound' && i.retryStep === 1 && ms(i.occurredAt) < ms(skippedDue2),
  );
  const due2 = done1 ? addDays(done1.occurredAt, SECOND_RETRY_DAYS) : skippedDue2;
  const lapse = addDays(due2, RETRY_LAPSE_DAYS);
  const done2 = after.find(
    (i) => i.direction === 'outbound' && i.retryStep === 2 && ms(i.occurredAt) < ms(lapse),
  );
  if (done2) return { state: 'fading', since: toIso(ms(done2.occurredAt)) };
  if (ms(now) >= ms(lapse)) return { state: 'fading', since: lapse };
  if (!done1 && ms(now) < ms(due2)) return { state: 'retry', step: 1, dueAt: due1 };
  return { state: 'retry', step: 2, dueAt: due2 };
}
function plainHistory(history: readonly HistoryEntry[], now: string) {
  const past = history
    .filter((i) => ms(i.occurredAt) <= ms(now))
    .sort((a, b) => ms(a.occurredAt) - ms(b.occurredAt));
  let lastInbound = -1;
  past.forEach((i, n) => {
    if (i.direction === 'inbound') lastInbound = n;
  });
  const run = past.slice(lastInbound + 1);
  const start = run.findIndex((i) => i.awaitingReply);
  if (start < 0) return null;
  let count = 0;
  const startMs = ms(run[start]!.occurredAt);
  const later = run.slice(start + 1).map((i): LaterInteraction => {
    count++;
    return {
      direction: i.direction,
      occurredAt: i.occurredAt,
      retryStep: i.retryStep ?? (count === 1 ? 1 : 2),
    };
  });
  const sameInstant = later.some((i) => ms(i.occurredAt) === startMs);
  return plainState({ occurredAt: sameInstant ? toIso(startMs - 1) : run[start]!.occurredAt }, later, now);
}

const base = Date.UTC(2025, 0, 1, 10);
// Instants on a coarse grid (hours over a year), so equal instants and same-day runs are common,
// written in the canonical form and, sometimes, with an offset (the parser's slow path).
const instant = fc.tuple(fc.integer({ min: 0, max: 24 * 365 }), fc.boolean()).map(([h, offset]) => {
  const iso = new Date(base + h * 3_600_000).toISOString();
  return offset ? `${iso.slice(0, 19)}+00:00` : iso;
});
const entry = fc.record({
  direction: fc.constantFrom('inbound' as const, 'outbound' as const),
  occurredAt: instant,
  awaitingReply: fc.boolean(),
  retryStep: fc.constantFrom(1 as const, 2 as const, null, undefined),
});

describe('backOffOfHistory', () => {
  it('matches its plain definition on any history, in any order, at any now', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), instant, (history, now) => {
        expect(backOffOfHistory(history, now)).toEqual(plainHistory(history, now));
      }),
      { numRuns: 2000 },
    );
  });
});
