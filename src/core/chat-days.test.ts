import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChatMessage, chatDayKey, groupChatDays } from './chat-days';

const message = fc.record({
  day: fc.constantFrom('2024-03-11', '2024-03-12', '2024-03-13', '2025-01-01'),
  time: fc.constantFrom('08:00:00', '12:30:15', '23:59:59'),
  direction: fc.constantFrom('inbound' as const, 'outbound' as const),
  text: fc.option(fc.string({ maxLength: 30 })),
}) satisfies fc.Arbitrary<ChatMessage>;

describe('groupChatDays', () => {
  it('makes one entry per day and direction, with the first time and a bounded text', () => {
    const days = groupChatDays(
      [
        { day: '2024-03-12', time: '14:05:00', direction: 'outbound', text: 'Lunch?' },
        { day: '2024-03-12', time: '09:00:00', direction: 'outbound', text: 'Morning' },
        { day: '2024-03-12', time: '15:00:00', direction: 'inbound', text: 'Yes!' },
        { day: '2024-03-11', time: '10:00:00', direction: 'inbound', text: null },
      ],
      10,
    );
    expect(days).toEqual([
      { day: '2024-03-11', direction: 'inbound', first: '10:00:00', messages: 1, text: '' },
      { day: '2024-03-12', direction: 'inbound', first: '15:00:00', messages: 1, text: 'Yes!' },
      { day: '2024-03-12', direction: 'outbound', first: '09:00:00', messages: 2, text: 'Lunch?\nMor' },
    ]);
  });

  it('never loses a day or direction, never invents one, and counts every message', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 60 }), (messages) => {
        const days = groupChatDays(messages, 50);
        expect(new Set(days.map(chatDayKey))).toEqual(new Set(messages.map(chatDayKey)));
        expect(days.length).toBe(new Set(days.map(chatDayKey)).size);
        expect(days.reduce((n, d) => n + d.messages, 0)).toBe(messages.length);
        for (const d of days) expect(d.text.length).toBeLessThanOrEqual(50);
      }),
    );
  });

  it('is idempotent: a longer later export adds exactly the days the first one lacked', () => {
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 40 }),
        fc.array(message, { maxLength: 40 }),
        (old, added) => {
          const first = new Set(groupChatDays(old, 50).map(chatDayKey));
          const again = groupChatDays([...old, ...old], 50).map(chatDayKey);
          expect(new Set(again)).toEqual(first);
          const later = groupChatDays([...old, ...added], 50).map(chatDayKey);
          const fresh = later.filter((k) => !first.has(k));
          expect(new Set(fresh)).toEqual(new Set(added.map(chatDayKey).filter((k) => !first.has(k))));
        },
      ),
    );
  });
});
