import { describe, expect, it } from 'vitest';
import { addDays } from './instant';
import { skipUntil, type TodayContact, todayQueue } from './today-queue';

const NOW = '2025-06-04T12:00:00.000Z'; // a Wednesday
const ago = (d: number) => addDays(NOW, -d);

function aContact(over: Partial<TodayContact> = {}): TodayContact {
  return {
    id: 'c1',
    name: 'Ada',
    zone: 'Europe/London',
    workingHours: null,
    preferredChannel: null,
    cadence: { kind: 'quarterly' },
    tracked: true,
    lastMeaningfulAt: ago(10),
    createdAt: ago(1000),
    lastReplyChannel: null,
    importantDates: [],
    lifeEvents: [],
    tasks: [],
    backOff: null,
    snoozedUntil: null,
    skippedUntil: null,
    recentOutboundAt: [],
    lastInboundAt: null,
    ...over,
  };
}

const one = (over: Partial<TodayContact>, options = {}) =>
  todayQueue({ contacts: [aContact(over)] }, NOW, options).items[0];

describe('todayQueue reasons', () => {
  it('leaves out a contact with nothing to do', () => {
    expect(todayQueue({ contacts: [aContact()] }, NOW)).toEqual({ items: [], more: [], moreCount: 0 });
  });

  it('flags a due and an overdue cadence with a plain headline', () => {
    expect(one({ lastMeaningfulAt: ago(95) })?.reasons).toEqual([
      { kind: 'cadence_due', daysOver: 5, cadence: { kind: 'quarterly' } },
    ]);
    const item = one({ lastMeaningfulAt: ago(102 + 90) })!;
    expect(item.headline).toBe('Overdue by 102 days for your quarterly catch-up');
    expect(item.score).toBe(65);
  });

  it('counts from creation for a contact never reached', () => {
    expect(
      one({ lastMeaningfulAt: null, createdAt: ago(31), cadence: { kind: 'monthly' } })?.reasons[0],
    ).toMatchObject({
      kind: 'cadence_due',
      daysOver: 1,
    });
  });

  it('never nags about untracked or ad-hoc contacts, but still shows their birthday', () => {
    expect(one({ tracked: false, lastMeaningfulAt: ago(900) })).toBeUndefined();
    expect(one({ cadence: { kind: 'ad_hoc' }, lastMeaningfulAt: ago(900) })).toBeUndefined();
    const bday = one({
      tracked: false,
      lastMeaningfulAt: ago(900),
      importantDates: [{ kind: 'birthday', month: 6, day: 7, year: 1985 }],
    });
    expect(bday?.reasons).toEqual([{ kind: 'birthday', inDays: 3, turns: 40 }]);
    expect(bday?.headline).toBe('Birthday in 3 days (turns 40)');
    expect(bday?.nextDueAt).toBeNull();
  });

  it('uses 7 days of lead for birthdays and 3 for anniversaries unless the date says otherwise', () => {
    const dates = [
      { kind: 'birthday' as const, month: 6, day: 11 },
      { kind: 'work_anniversary' as const, month: 6, day: 8, year: 2020 },
      { kind: 'personal_anniversary' as const, month: 6, day: 7 },
      { kind: 'company_milestone' as const, month: 6, day: 20, leadDays: 30 },
    ];
    expect(one({ importantDates: dates })?.reasons.map((r) => r.kind)).toEqual([
      'birthday',
      'anniversary',
      'anniversary',
    ]);
  });

  it('shows fresh life events only', () => {
    const item = one({
      lifeEvents: [
        { kind: 'promotion', date: '2025-06-01' },
        { kind: 'move', date: '2025-05-01' },
        { kind: 'award', date: '2025-06-10' },
        { kind: 'new_job', date: '2025-05-20T23:30:00.000Z' }, // May 21 in London: 14 days ago, still fresh
      ],
    });
    expect(item?.reasons).toEqual([
      { kind: 'life_event', eventKind: 'promotion', daysAgo: 3 },
      { kind: 'life_event', eventKind: 'new_job', daysAgo: 14 },
    ]);
    expect(item?.headline).toBe('Promoted 3 days ago');
  });

  it('shows tasks once due (follow-ups from 12 h before their due time) and hides done ones', () => {
    const item = one({
      tasks: [
        {
          id: 't1',
          kind: 'follow_up',
          title: 'Follow up with Ada after meeting',
          dueAt: addDays(NOW, 0.4),
          done: false,
        },
        { id: 't2', kind: 'general', title: 'Send the deck', dueAt: ago(1), done: false },
        { id: 't3', kind: 'general', title: 'Old', dueAt: ago(1), done: true },
        { id: 't4', kind: 'general', title: 'Later', dueAt: addDays(NOW, 3), done: false },
      ],
    });
    expect(item?.reasons.map((r) => r.kind)).toEqual(['follow_up_due', 'task_due']);
    expect(item?.headline).toBe('Follow up with Ada after meeting');
  });

  it('shows a retry once it is due', () => {
    expect(one({ backOff: { state: 'retry', step: 2, dueAt: ago(1) } })?.reasons).toEqual([
      { kind: 'retry', step: 2, dueAt: ago(1) },
    ]);
    expect(one({ backOff: { state: 'retry', step: 1, dueAt: addDays(NOW, 1) } })).toBeUndefined();
    expect(one({ backOff: { state: 'fading', since: ago(5) } })).toBeUndefined();
  });

  it('attaches extension reasons with their default or given weight', () => {
    const q = todayQueue(
      {
        contacts: [aContact()],
        extensions: [
          { kind: 'resource_match', contactId: 'c1', detail: 'Saw this and thought of you' },
          { kind: 'trip', contactId: 'c1', detail: 'You are in Lisbon next week', weight: 60 },
          { kind: 'trip', contactId: 'nobody', detail: 'ignored' },
        ],
      },
      NOW,
    );
    expect(q.items[0]?.reasons).toEqual([
      { kind: 'trip', detail: 'You are in Lisbon next week', weight: 60 },
      { kind: 'resource_match', detail: 'Saw this and thought of you', weight: 25 },
    ]);
    expect(q.items[0]?.score).toBe(85);
  });
});

describe('todayQueue decisions and boundaries', () => {
  const overdue = { lastMeaningfulAt: ago(200) };

  it('hides snoozed and skipped contacts until their date', () => {
    expect(one({ ...overdue, snoozedUntil: addDays(NOW, 1) })).toBeUndefined();
    expect(one({ ...overdue, snoozedUntil: ago(1) })).toBeDefined();
    expect(one({ ...overdue, skippedUntil: addDays(NOW, 1) })).toBeUndefined();
    expect(skipUntil({ kind: 'monthly' }, NOW)).toBe(addDays(NOW, 30));
    expect(skipUntil({ kind: 'ad_hoc' }, NOW)).toBe(addDays(NOW, 7));
  });

  it('lets the frequency cap silence the cadence nudge but not a birthday', () => {
    const recent = { recentOutboundAt: [ago(3)] };
    expect(one({ ...overdue, ...recent })).toBeUndefined();
    expect(one({ ...overdue, ...recent, lastInboundAt: ago(1) })).toBeDefined();
    const bday = one({ ...overdue, ...recent, importantDates: [{ kind: 'birthday', month: 6, day: 4 }] });
    expect(bday?.reasons.map((r) => r.kind)).toEqual(['birthday']);
  });

  it('suggests the preferred channel, else the last one that got a reply, else email', () => {
    expect(one({ ...overdue, preferredChannel: 'call', lastReplyChannel: 'text' })?.channel).toBe('call');
    expect(one({ ...overdue, lastReplyChannel: 'text' })?.channel).toBe('text');
    expect(one(overdue)?.channel).toBe('email');
  });

  it('suggests a send window inside the contact’s working hours', () => {
    const item = one({ ...overdue, zone: 'Asia/Tokyo' })!; // 21:00 in Tokyo
    expect(item.sendWindow).toMatchObject({
      localDate: '2025-06-05',
      localStart: '09:00',
      localEnd: '17:30',
    });
  });

  it('ranks by score, then next due date, then name, then id, and splits off the rest', () => {
    const contacts = [
      aContact({ id: 'b', name: 'Bea', lastMeaningfulAt: ago(95) }),
      aContact({ id: 'a2', name: 'Ann', lastMeaningfulAt: ago(95) }),
      aContact({ id: 'a1', name: 'Ann', lastMeaningfulAt: ago(95) }),
      aContact({ id: 'z', name: 'Zed', lastMeaningfulAt: ago(300) }),
      // Same score (30) as the others but due later: ranks after them despite its name.
      aContact({ id: 'y', name: 'Aaron', lastMeaningfulAt: ago(1) }),
    ];
    const extensions = [{ kind: 'trip' as const, contactId: 'y', detail: 'In town', weight: 30 }];
    const q = todayQueue({ contacts, extensions }, NOW, { size: 3 });
    expect(q.items.map((i) => i.contactId)).toEqual(['z', 'a1', 'a2']);
    expect(q.more.map((i) => i.contactId)).toEqual(['b', 'y']);
    expect(q.moreCount).toBe(2);
  });

  it('returns at most moreLimit of the rest, each with its send window, and counts them all', () => {
    const contacts = Array.from({ length: 20 }, (_, n) =>
      aContact({ id: `c${n}`, lastMeaningfulAt: ago(100 + n) }),
    );
    const q = todayQueue({ contacts }, NOW, { size: 3, moreLimit: 5 });
    expect([q.items.length, q.more.length, q.moreCount]).toEqual([3, 5, 17]);
    expect([...q.items, ...q.more].every((i) => i.sendWindow !== null)).toBe(true);
    // The same order as without a limit: the limit only cuts the tail.
    const all = todayQueue({ contacts }, NOW, { size: 3 });
    expect(q.more.map((i) => i.contactId)).toEqual(all.more.slice(0, 5).map((i) => i.contactId));
  });

  it('defaults to eight items a day', () => {
    const contacts = Array.from({ length: 11 }, (_, n) =>
      aContact({ id: `c${n}`, lastMeaningfulAt: ago(100 + n) }),
    );
    const q = todayQueue({ contacts }, NOW, { size: undefined });
    expect([q.items.length, q.more.length]).toEqual([8, 3]);
  });
});
