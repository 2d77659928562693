import { describe, expect, it } from 'vitest';
import type { Today, TodayItem } from '../contract/today';
import { actionLine, cadenceText, todayTable, whyText } from './today-views';

const item = (over: Partial<TodayItem>): TodayItem => ({
  contactId: '01a20996-66f8-7117-aa1c-d74c65a235ab',
  name: 'Grace Hopper',
  company: 'US Navy',
  title: null,
  score: 10,
  headline: 'Overdue by 3 days for your monthly catch-up',
  reasons: [
    {
      kind: 'cadence_overdue',
      text: 'Overdue by 3 days for your monthly catch-up',
      daysOverdue: 3,
      cadence: { kind: 'monthly' },
    },
    { kind: 'birthday', text: 'Birthday in 2 days (turns 40)', inDays: 2, turns: 40 },
  ],
  channel: 'in_person',
  sendWindow: null,
  nextDueAt: null,
  ...over,
});

describe('today views', () => {
  it('gives the headline once, then the other reasons in words', () => {
    expect(whyText(item({}))).toBe(
      'Overdue by 3 days for your monthly catch-up\nBirthday in 2 days (turns 40)',
    );
  });

  it('wraps the reasons in their column, keeps each row to the width and says how many more wait', () => {
    const today: Today = { now: '2026-03-10T09:00:00Z', size: 1, items: [item({})], more: [], moreCount: 4 };
    for (const line of todayTable(today, 80).split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    const out = todayTable(today, 100);
    expect(out).toMatch(/^#\s+NAME\s+COMPANY\s+CHANNEL\s+SEND WINDOW\s+WHY$/m);
    expect(out).toMatch(/^1\s+Grace Hopper\s+US Navy\s+in person\s+any time\s+Overdue by 3 days/m);
    expect(out.replace(/\s+/g, ' ')).toContain('Birthday in 2 days (turns 40)');
    expect(out.endsWith('\n\nand 4 more')).toBe(true);
    expect(todayTable({ ...today, items: [], moreCount: 0 }, 80)).toBe('Nobody is due today.');
  });

  it('says what an action decided', () => {
    const decision = { contactId: 'x', kind: 'snooze' as const, until: '2026-04-01T00:00:00Z' };
    expect(actionLine('Snoozed', 'Ada', { decision, loggedInteractionId: null, tasksDone: 0 }, 'UTC')).toBe(
      'Snoozed Ada until 2026-04-01',
    );
    expect(
      actionLine('Done with', 'Ada', { decision: null, loggedInteractionId: 'i', tasksDone: 2 }, 'UTC'),
    ).toBe('Done with Ada (logged the interaction, closed 2 tasks)');
    expect(cadenceText({ kind: 'custom', every: 3, unit: 'weeks' })).toBe('every 3 weeks');
    expect(cadenceText({ kind: 'twice_yearly' })).toBe('twice yearly');
  });
});
