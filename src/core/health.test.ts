import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HealthInteraction, healthScore } from './health';
import { addDays } from './instant';
import { CHANNELS } from './vocabulary';

const now = '2025-06-01T12:00:00.000Z';
const ago = (d: number) => addDays(now, -d);
const created = ago(1000);

describe('healthScore', () => {
  it('gives full marks to a balanced, responsive, in-person relationship on cadence', () => {
    const interactions: HealthInteraction[] = [
      { direction: 'outbound', channel: 'call', occurredAt: ago(100), awaitingReply: true },
      { direction: 'inbound', channel: 'call', occurredAt: ago(95) },
      { direction: 'outbound', channel: 'in_person', occurredAt: ago(20) },
      { direction: 'inbound', channel: 'video', occurredAt: ago(10) },
    ];
    const h = healthScore(
      { cadence: { kind: 'quarterly' }, lastMeaningfulAt: ago(10), createdAt: created, interactions },
      now,
    );
    expect(h.parts).toEqual({ recency: 40, reciprocity: 25, responsiveness: 20, depth: 15 });
    expect(h.score).toBe(100);
    expect(h.explanation).toBe(
      '100/100: last contact 10 days ago vs a quarterly target of 90 days; they started 2 of 4 exchanges this year; ' +
        '1 of 1 awaited replies came; mostly calls and meetings.',
    );
  });

  it('halves recency at the overdue limit and reaches zero at twice it', () => {
    const base = { cadence: { kind: 'monthly' } as const, createdAt: created, interactions: [] };
    expect(healthScore({ ...base, lastMeaningfulAt: ago(30) }, now).parts.recency).toBe(40);
    expect(healthScore({ ...base, lastMeaningfulAt: ago(45) }, now).parts.recency).toBe(20);
    expect(healthScore({ ...base, lastMeaningfulAt: ago(90) }, now).parts.recency).toBe(0);
  });

  it('scores a one-way relationship low on reciprocity and responsiveness', () => {
    const interactions: HealthInteraction[] = [30, 60, 90].map((d) => ({
      direction: 'outbound',
      channel: 'linkedin',
      occurredAt: ago(d),
      awaitingReply: true,
    }));
    const h = healthScore(
      { cadence: { kind: 'monthly' }, lastMeaningfulAt: ago(30), createdAt: created, interactions },
      now,
    );
    expect(h.parts).toEqual({ recency: 40, reciprocity: 0, responsiveness: 0, depth: 5 });
    expect(h.explanation).toContain('0 of 3 awaited replies came');
  });

  it('gives half responsiveness without evidence and ignores replies still pending', () => {
    const pending: HealthInteraction[] = [
      { direction: 'outbound', channel: 'email', occurredAt: ago(3), awaitingReply: true },
    ];
    const h = healthScore(
      { cadence: { kind: 'ad_hoc' }, lastMeaningfulAt: ago(3), createdAt: created, interactions: pending },
      now,
    );
    expect(h.parts.responsiveness).toBe(10);
    expect(h.explanation).toContain('yearly target');
  });

  it('calls a contact never reached "no history", with no recency points however recent the import', () => {
    const h = healthScore(
      { cadence: { kind: 'quarterly' }, lastMeaningfulAt: null, createdAt: ago(5), interactions: [] },
      now,
    );
    expect(h.noHistory).toBe(true);
    expect(h.parts.recency).toBe(0);
    // Only the neutral half of responsiveness: far from the 80–100 bucket a fresh import used to fill.
    expect(h.score).toBe(10);
    expect(h.explanation).toMatch(/^10\/100: no history: never contacted \(added 5 days ago\)/);
    const touched = healthScore(
      { cadence: { kind: 'quarterly' }, lastMeaningfulAt: ago(5), createdAt: ago(5), interactions: [] },
      now,
    );
    expect(touched).toMatchObject({ noHistory: false, parts: { recency: 40 } });
  });

  it('stays within 0–100 and equals the sum of its parts (property)', () => {
    const interaction = fc.record({
      direction: fc.constantFrom('inbound' as const, 'outbound' as const),
      channel: fc.constantFrom(...CHANNELS),
      occurredAt: fc.integer({ min: 0, max: 800 }).map(ago),
      awaitingReply: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(interaction, { maxLength: 20 }),
        fc.option(fc.integer({ min: 0, max: 900 })),
        (list, last) => {
          const h = healthScore(
            {
              cadence: { kind: 'quarterly' },
              lastMeaningfulAt: last === null ? null : ago(last),
              createdAt: created,
              interactions: list,
            },
            now,
          );
          const { recency, reciprocity, responsiveness, depth } = h.parts;
          expect(h.score).toBe(recency + reciprocity + responsiveness + depth);
          expect(h.score).toBeGreaterThanOrEqual(0);
          expect(h.score).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});
