import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BackOffState, backOffOfHistory, backOffState, type LaterInteraction } from './back-off.js';
import { addDays } from './instant.js';

const sent = '2025-01-01T10:00:00.000Z';
const outreach = { occurredAt: sent, awaitingReply: true };
const at = (days: number) => addDays(sent, days);

describe('backOffState', () => {
  it('does nothing when no reply is awaited', () => {
    expect(backOffState({ occurredAt: sent, awaitingReply: false }, [], at(30))).toEqual({ state: 'none' });
  });

  it('schedules retry 1 three weeks after the outreach', () => {
    expect(backOffState(outreach, [], at(1))).toEqual({ state: 'retry', step: 1, dueAt: at(21) });
    expect(backOffState(outreach, [], at(25))).toEqual({ state: 'retry', step: 1, dueAt: at(21) });
  });

  it('schedules retry 2 sixty days after retry 1 was done', () => {
    const later: LaterInteraction[] = [{ direction: 'outbound', occurredAt: at(24), retryStep: 1 }];
    expect(backOffState(outreach, later, at(30))).toEqual({ state: 'retry', step: 2, dueAt: at(84) });
  });

  it('moves to retry 2 on schedule when retry 1 was never sent', () => {
    expect(backOffState(outreach, [], at(81))).toEqual({ state: 'retry', step: 2, dueAt: at(81) });
  });

  it('stops and fades after retry 2', () => {
    const later: LaterInteraction[] = [
      { direction: 'outbound', occurredAt: at(22), retryStep: 1 },
      { direction: 'outbound', occurredAt: at(85), retryStep: 2 },
    ];
    expect(backOffState(outreach, later, at(400))).toEqual({ state: 'fading', since: at(85) });
  });

  it('lets an ignored retry 2 lapse into fading instead of nagging forever', () => {
    expect(backOffState(outreach, [], at(200))).toEqual({ state: 'fading', since: at(141) });
  });

  it('does not rewind once the schedule has moved on', () => {
    const late: LaterInteraction[] = [{ direction: 'outbound', occurredAt: at(150), retryStep: 1 }];
    expect(backOffState(outreach, late, at(160))).toEqual({ state: 'fading', since: at(141) });
  });

  it('resets on any reply after the outreach, even after retries', () => {
    const later: LaterInteraction[] = [
      { direction: 'outbound', occurredAt: at(22), retryStep: 1 },
      { direction: 'inbound', occurredAt: at(23) },
    ];
    expect(backOffState(outreach, later, at(30))).toEqual({ state: 'none' });
  });

  it('ignores a reply that came before the outreach or after now', () => {
    expect(backOffState(outreach, [{ direction: 'inbound', occurredAt: at(-1) }], at(22)).state).toBe(
      'retry',
    );
    expect(backOffState(outreach, [{ direction: 'inbound', occurredAt: at(40) }], at(22)).state).toBe(
      'retry',
    );
  });
});

const laterArb = fc.array(
  fc.record({
    direction: fc.constant('outbound' as const),
    occurredAt: fc.integer({ min: 1, max: 400 }).map(at),
    retryStep: fc.constantFrom(1 as const, 2 as const, null),
  }),
  { maxLength: 6 },
);

describe('backOffState properties', () => {
  it('never goes past two retries, whatever the user sends', () => {
    fc.assert(
      fc.property(laterArb, fc.integer({ min: 0, max: 1000 }), (later, day) => {
        const s = backOffState(outreach, later, at(day));
        if (s.state === 'retry') expect([1, 2]).toContain(s.step);
      }),
    );
  });

  it('is monotonic: as time passes the step never goes back and due dates increase with step', () => {
    fc.assert(
      fc.property(laterArb, (later) => {
        const states: BackOffState[] = [];
        for (let d = 0; d <= 500; d += 7) states.push(backOffState(outreach, later, at(d)));
        const rank = (s: BackOffState) => (s.state === 'retry' ? s.step : s.state === 'fading' ? 3 : 0);
        let lastDue = '';
        for (let i = 1; i < states.length; i++) {
          expect(rank(states[i]!)).toBeGreaterThanOrEqual(rank(states[i - 1]!));
          const s = states[i]!;
          if (s.state === 'retry' && rank(s) > rank(states[i - 1]!)) {
            expect(s.dueAt > lastDue).toBe(true);
            lastDue = s.dueAt;
          }
        }
        const steps = new Set(states.flatMap((s) => (s.state === 'retry' ? [s.step] : [])));
        expect(steps.size).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe('backOffOfHistory', () => {
  const out = (days: number, awaitingReply = true, retryStep: 1 | 2 | null = null) => ({
    direction: 'outbound' as const,
    occurredAt: at(days),
    awaitingReply,
    retryStep,
  });
  const inbound = (days: number) => ({
    direction: 'inbound' as const,
    occurredAt: at(days),
    awaitingReply: false,
  });

  it('counts unmarked unanswered messages as the retries, so a third one ends the back-off', () => {
    expect(backOffOfHistory([out(0)], at(30))).toEqual({ state: 'retry', step: 1, dueAt: at(21) });
    expect(backOffOfHistory([out(0), out(25)], at(30))).toEqual({ state: 'retry', step: 2, dueAt: at(85) });
    expect(backOffOfHistory([out(0), out(25), out(90)], at(120))).toEqual({ state: 'fading', since: at(90) });
    // Three hand-logged messages close together: still no fourth nudge.
    expect(backOffOfHistory([out(0), out(1), out(2)], at(300))).toMatchObject({ state: 'fading' });
    expect(backOffOfHistory([out(0), out(0), out(0)], at(0))).toMatchObject({ state: 'fading' });
  });

  it('starts again after their reply, and ignores what has not happened yet', () => {
    expect(backOffOfHistory([out(0), out(25), inbound(40)], at(50))).toBeNull();
    expect(backOffOfHistory([out(0), out(25), inbound(40), out(45)], at(70))).toEqual({
      state: 'retry',
      step: 1,
      dueAt: at(66),
    });
    expect(backOffOfHistory([out(0), out(500)], at(30))).toEqual({ state: 'retry', step: 1, dueAt: at(21) });
  });

  it('never suggests a retry once three or more messages went unanswered', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 3, maxLength: 8 }),
        fc.integer({ min: 0, max: 800 }),
        (days, extra) => {
          const sorted = [...days].sort((a, b) => a - b);
          const now = at(sorted.at(-1)! + extra);
          expect(
            backOffOfHistory(
              sorted.map((d) => out(d)),
              now,
            )?.state,
          ).toBe('fading');
        },
      ),
    );
  });
});
