import { describe, expect, it } from 'vitest';
import { occasionFor } from './occasion';

describe('occasionFor', () => {
  it('maps the top reason to the draft it calls for', () => {
    const text = 'why';
    expect(occasionFor({ kind: 'life_event', text, eventKind: 'promotion', daysAgo: 2 })).toBe(
      'congratulate',
    );
    expect(occasionFor({ kind: 'birthday', text, inDays: 0, turns: 40 })).toBe('birthday');
    expect(
      occasionFor({
        kind: 'follow_up_due',
        text,
        taskId: 't',
        taskKind: 'follow_up',
        title: 'x',
        dueAt: '2026-03-10T09:00:00Z',
      }),
    ).toBe('follow_up_after_meeting');
    expect(occasionFor({ kind: 'resource_match', text, detail: 'd', weight: 1 })).toBe('share_resource');
    expect(
      occasionFor({ kind: 'cadence_overdue', text, daysOverdue: 40, cadence: { kind: 'monthly' } }),
    ).toBe('reconnect');
    expect(occasionFor({ kind: 'cadence_due', text, daysOver: 2, cadence: { kind: 'monthly' } })).toBe(
      'catch_up_invite',
    );
    expect(occasionFor(undefined)).toBe('catch_up_invite');
  });
});
