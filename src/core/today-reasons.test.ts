import { describe, expect, it } from 'vitest';
import { describeReason, reasonScore, TODAY_WEIGHTS, type TodayReason } from './today-reasons';

describe('describeReason', () => {
  it.each<[TodayReason, string]>([
    [
      { kind: 'cadence_overdue', daysOverdue: 12, cadence: { kind: 'quarterly' } },
      'Overdue by 12 days for your quarterly catch-up',
    ],
    [
      { kind: 'cadence_due', daysOver: 0, cadence: { kind: 'monthly' } },
      'Due today for your monthly catch-up',
    ],
    [
      { kind: 'cadence_due', daysOver: 1, cadence: { kind: 'yearly' } },
      'Due 1 day ago for your yearly catch-up',
    ],
    [{ kind: 'birthday', inDays: 3, turns: 40 }, 'Birthday in 3 days (turns 40)'],
    [{ kind: 'birthday', inDays: 0, turns: null }, 'Birthday today'],
    [
      { kind: 'anniversary', dateKind: 'work_anniversary', inDays: 1, years: 5 },
      'Work anniversary tomorrow (5 years)',
    ],
    [{ kind: 'life_event', eventKind: 'promotion', daysAgo: 6 }, 'Promoted 6 days ago'],
    [{ kind: 'life_event', eventKind: 'new_job', daysAgo: 1 }, 'Started a new job yesterday'],
    [{ kind: 'retry', step: 1, dueAt: '2025-01-01T00:00:00.000Z' }, 'No reply yet: a light nudge is due'],
    [
      {
        kind: 'follow_up_due',
        taskId: 't',
        taskKind: 'takeaway',
        title: 'Send a short follow-up with the takeaway',
        dueAt: '',
      },
      'Send a short follow-up with the takeaway',
    ],
    [{ kind: 'task_due', taskId: 't', title: 'Send the deck', dueAt: '' }, 'Task due: Send the deck'],
    [
      { kind: 'resource_match', detail: 'Saw this and thought of you: “Pricing 101”', weight: 25 },
      'Saw this and thought of you: “Pricing 101”',
    ],
  ])('%j → %s', (reason, text) => {
    expect(describeReason(reason)).toBe(text);
  });
});

describe('reasonScore', () => {
  const cadence = { kind: 'yearly' } as const;

  it('grows with days overdue but is capped', () => {
    expect(reasonScore({ kind: 'cadence_overdue', daysOverdue: 10, cadence })).toBe(47);
    expect(reasonScore({ kind: 'cadence_overdue', daysOverdue: 1000, cadence })).toBe(
      TODAY_WEIGHTS.cadence_overdue + TODAY_WEIGHTS.cadence_overdue_cap,
    );
  });

  it('keeps any due score below the lowest overdue score', () => {
    expect(reasonScore({ kind: 'cadence_due', daysOver: 500, cadence })).toBeLessThan(
      reasonScore({ kind: 'cadence_overdue', daysOverdue: 0, cadence }),
    );
  });

  it('rises as a birthday approaches and fades as news gets old', () => {
    expect(reasonScore({ kind: 'birthday', inDays: 0, turns: null })).toBeGreaterThan(
      reasonScore({ kind: 'birthday', inDays: 5, turns: null }),
    );
    expect(reasonScore({ kind: 'life_event', eventKind: 'award', daysAgo: 1 })).toBeGreaterThan(
      reasonScore({ kind: 'life_event', eventKind: 'award', daysAgo: 10 }),
    );
  });

  it('puts timely moments above a long-overdue cadence', () => {
    const longOverdue = reasonScore({ kind: 'cadence_overdue', daysOverdue: 400, cadence });
    expect(reasonScore({ kind: 'life_event', eventKind: 'promotion', daysAgo: 3 })).toBeGreaterThan(
      longOverdue,
    );
    expect(reasonScore({ kind: 'birthday', inDays: 2, turns: 40 })).toBeGreaterThan(longOverdue);
    expect(reasonScore({ kind: 'birthday', inDays: 6, turns: 40 })).toBeLessThan(longOverdue);
  });

  it('uses the weight given for extension reasons', () => {
    expect(reasonScore({ kind: 'trip', detail: 'In Lisbon next week', weight: 12 })).toBe(12);
  });
});
