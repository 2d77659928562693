import { describe, expect, it } from 'vitest';
import { followUpForNewContact, MEETING_CHANNELS, takeawayTask } from './follow-ups';
import { CHANNELS } from './vocabulary';

describe('followUpForNewContact', () => {
  it('is due 36 h after the meeting inside a 24–48 h window', () => {
    expect(followUpForNewContact('2025-05-05T18:00:00.000Z', 'Ada')).toEqual({
      kind: 'follow_up',
      windowStart: '2025-05-06T18:00:00.000Z',
      dueAt: '2025-05-07T06:00:00.000Z',
      windowEnd: '2025-05-07T18:00:00.000Z',
      title: 'Follow up with Ada after meeting',
    });
  });

  it('anchors a date-only met-on date at local midnight in the contact’s zone', () => {
    const t = followUpForNewContact('2025-05-05', 'Ada', 'Asia/Tokyo');
    expect(t.windowStart).toBe('2025-05-05T15:00:00.000Z'); // May 6 00:00 in Tokyo
    expect(t.dueAt).toBe('2025-05-06T03:00:00.000Z');
  });

  it('rejects garbage', () => {
    expect(() => followUpForNewContact('yesterday', 'Ada')).toThrow(RangeError);
  });
});

describe('takeawayTask', () => {
  it('asks for the takeaway within 24 h of a meeting', () => {
    expect(takeawayTask({ channel: 'video', occurredAt: '2025-05-05T09:00:00.000Z' })).toEqual({
      kind: 'takeaway',
      windowStart: '2025-05-05T09:00:00.000Z',
      dueAt: '2025-05-06T09:00:00.000Z',
      windowEnd: '2025-05-06T09:00:00.000Z',
      title: 'Send a short follow-up with the takeaway',
    });
  });

  it('only follows meetings, not messages', () => {
    for (const channel of CHANNELS) {
      const task = takeawayTask({ channel, occurredAt: '2025-05-05T09:00:00.000Z' });
      expect(task !== null).toBe((MEETING_CHANNELS as readonly string[]).includes(channel));
    }
  });
});
