import { describe, expect, it } from 'vitest';
import { addDays } from './instant';
import { oneSided } from './one-sided';
import type { Direction } from './vocabulary';

const now = '2025-06-01T12:00:00.000Z';
const ago = (days: number) => addDays(now, -days);
const log = (...items: [Direction, number][]) =>
  items.map(([direction, d]) => ({ direction, occurredAt: ago(d) }));

describe('oneSided', () => {
  it('flags a contact who never answers', () => {
    const r = oneSided(log(['outbound', 300], ['outbound', 200], ['outbound', 100], ['outbound', 30]), now);
    expect(r.flagged).toBe(true);
    if (r.flagged) {
      expect(r.unanswered).toBe(4);
      expect(r.suggestions).toEqual(['slow_cadence', 'try_different_value', 'let_fade']);
      expect(r.sentence).toMatch(/^You started 4 of the last 4 exchanges and 4 messages went unanswered/);
    }
  });

  it('does not flag a balanced relationship', () => {
    const r = oneSided(log(['outbound', 300], ['inbound', 290], ['outbound', 100], ['inbound', 99]), now);
    expect(r).toEqual({ flagged: false, initiatedShare: 0.5, unanswered: 0 });
  });

  it('needs at least three unanswered messages, not just a high share', () => {
    // 5 outbound of 6 (83 %), but each batch got a reply: only 2 unanswered.
    const r = oneSided(
      log(
        ['outbound', 300],
        ['outbound', 280],
        ['inbound', 270],
        ['outbound', 200],
        ['outbound', 190],
        ['inbound', 180],
      ),
      now,
    );
    expect(r.flagged).toBe(false);
    expect(r.unanswered).toBe(2);
  });

  it('gives the latest message two weeks before calling it unanswered', () => {
    expect(oneSided(log(['outbound', 100], ['outbound', 60], ['outbound', 3]), now).unanswered).toBe(2);
    expect(oneSided(log(['outbound', 100], ['outbound', 60], ['outbound', 20]), now).flagged).toBe(true);
  });

  it('only looks at the last 12 months', () => {
    const r = oneSided(log(['outbound', 800], ['outbound', 700], ['outbound', 600], ['outbound', 100]), now);
    expect(r).toEqual({ flagged: false, initiatedShare: 1, unanswered: 1 });
  });

  it('treats an empty history as not one-sided', () => {
    expect(oneSided([], now)).toEqual({ flagged: false, initiatedShare: 0, unanswered: 0 });
  });
});
