import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { icsEvents, type Meeting, type Window } from './ics-events';

const window: Window = {
  from: Date.parse('2026-03-01T00:00:00Z'),
  to: Date.parse('2026-04-30T00:00:00Z'),
  zone: 'Europe/London',
};

const cal = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR'].join('\r\n');

const read = (text: string, w = window) => [...icsEvents(text, w)];
const meetings = (text: string, w = window): Meeting[] =>
  read(text, w).flatMap((i) => (i.ok ? [i.meeting] : []));

const weekly = [
  'BEGIN:VEVENT',
  'UID:standup@example',
  'DTSTART;TZID=Europe/Berlin:20260319T100000',
  'DTEND;TZID=Europe/Berlin:20260319T103000',
  'RRULE:FREQ=WEEKLY;COUNT=4',
  'EXDATE;TZID=Europe/Berlin:20260402T100000',
  'SUMMARY:Stand-up',
  'DESCRIPTION:secret agenda',
  'ORGANIZER;CN=Grace:mailto:grace@navy.example',
  'ATTENDEE;PARTSTAT=ACCEPTED;CN=Ada:mailto:ada@example.org',
  'END:VEVENT',
].join('\r\n');

describe('icsEvents', () => {
  it('expands a weekly event across the DST change in its own zone, without the EXDATE', () => {
    const m = meetings(cal(weekly));
    // 10:00 in Berlin is 09:00Z before 29 March and 08:00Z after it.
    expect(m.map((x) => x.startsAt)).toEqual([
      '2026-03-19T09:00:00.000Z',
      '2026-03-26T09:00:00.000Z',
      '2026-04-09T08:00:00.000Z',
    ]);
    expect(m[0]).toMatchObject({
      key: 'standup@example#2026-03-19T09:00:00.000Z',
      title: 'Stand-up',
      endsAt: '2026-03-19T09:30:00.000Z',
      organizer: 'grace@navy.example',
      attendees: [{ address: 'ada@example.org', name: 'Ada', partstat: 'ACCEPTED' }],
      allDay: false,
      cancelled: false,
    });
    expect(JSON.stringify(m)).not.toContain('secret agenda');
  });

  it('uses the calendar’s own VTIMEZONE for a zone name Luxon does not know (Outlook)', () => {
    const tz = [
      'BEGIN:VTIMEZONE',
      'TZID:W. Europe Standard Time',
      'BEGIN:STANDARD',
      'DTSTART:16010101T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:16010101T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
    ].join('\r\n');
    const ev = (day: string) =>
      [
        'BEGIN:VEVENT',
        `UID:${day}@outlook`,
        `DTSTART;TZID=W. Europe Standard Time:202603${day}T100000`,
        'DURATION:PT1H',
        'SUMMARY:Lunch',
        'END:VEVENT',
      ].join('\r\n');
    expect(meetings(cal(tz, ev('27'), ev('30'))).map((x) => [x.startsAt, x.endsAt])).toEqual([
      ['2026-03-27T09:00:00.000Z', '2026-03-27T10:00:00.000Z'],
      ['2026-03-30T08:00:00.000Z', '2026-03-30T09:00:00.000Z'],
    ]);
  });

  it('takes an overridden instance’s new time and title, keeping its occurrence key', () => {
    const moved = [
      'BEGIN:VEVENT',
      'UID:standup@example',
      'RECURRENCE-ID;TZID=Europe/Berlin:20260326T100000',
      'DTSTART;TZID=Europe/Berlin:20260327T150000',
      'DTEND;TZID=Europe/Berlin:20260327T153000',
      'SUMMARY:Stand-up (moved)',
      'END:VEVENT',
    ].join('\r\n');
    const m = meetings(cal(moved, weekly));
    expect(m[1]).toMatchObject({
      key: 'standup@example#2026-03-26T09:00:00.000Z',
      startsAt: '2026-03-27T14:00:00.000Z',
      title: 'Stand-up (moved)',
    });
    expect(m).toHaveLength(3);
  });

  it('marks a cancelled instance, and reads all-day events in the user’s zone', () => {
    const cancelled = [
      'BEGIN:VEVENT',
      'UID:standup@example',
      'RECURRENCE-ID;TZID=Europe/Berlin:20260409T100000',
      'DTSTART;TZID=Europe/Berlin:20260409T100000',
      'STATUS:CANCELLED',
      'SUMMARY:Stand-up',
      'END:VEVENT',
    ].join('\r\n');
    const offsite = [
      'BEGIN:VEVENT',
      'UID:offsite@example',
      'DTSTART;VALUE=DATE:20260415',
      'DTEND;VALUE=DATE:20260417',
      'SUMMARY:Offsite',
      'END:VEVENT',
    ].join('\r\n');
    const m = meetings(cal(weekly, cancelled, offsite));
    expect(m.find((x) => x.startsAt === '2026-04-09T08:00:00.000Z')?.cancelled).toBe(true);
    expect(m.find((x) => x.key === 'offsite@example')).toMatchObject({
      allDay: true,
      startsAt: '2026-04-14T23:00:00.000Z', // midnight in London (BST)
      endsAt: '2026-04-16T23:00:00.000Z',
    });
  });

  it('skips a malformed VEVENT with its line and keeps reading', () => {
    const broken = ['BEGIN:VEVENT', 'UID:broken', 'DTSTART:not-a-date', 'END:VEVENT'].join('\r\n');
    const noUid = ['BEGIN:VEVENT', 'DTSTART:20260320T100000Z', 'END:VEVENT'].join('\r\n');
    const items = read(cal(broken, noUid, weekly));
    expect(items.filter((i) => !i.ok).map((i) => !i.ok && i.error)).toEqual([
      'event 2 (line 8): it has no UID',
      expect.stringMatching(/^event 1 \(line 4\): invalid date-time/),
    ]);
    expect(items.filter((i) => i.ok)).toHaveLength(3);
  });

  it('bounds an endless rule: occurrences stop at the window and the cap', () => {
    const minutely = [
      'BEGIN:VEVENT',
      'UID:spam',
      'DTSTART:20260301T000000Z',
      'RRULE:FREQ=MINUTELY',
      'SUMMARY:Spam',
      'END:VEVENT',
    ].join('\r\n');
    const started = Date.now();
    expect(meetings(cal(minutely))).toHaveLength(1000);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('icsEvents keys (property)', () => {
  it('are unique and stable: a weekly series minus any EXDATEs, read twice, yields the same occurrences', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 8 }),
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC'),
        (count, skipped, zone) => {
          const day = (i: number) => `202603${String(2 + 7 * (i % 5)).padStart(2, '0')}`;
          // Weeks 0–4 fall in March; only those can be excluded with a March date here.
          const excluded = skipped.filter((i) => i < Math.min(count, 5));
          const text = cal(
            [
              'BEGIN:VEVENT',
              'UID:series@example',
              `DTSTART;TZID=${zone}:20260302T093000`,
              `RRULE:FREQ=WEEKLY;COUNT=${count}`,
              ...excluded.map((i) => `EXDATE;TZID=${zone}:${day(i)}T093000`),
              'SUMMARY:Series',
              'END:VEVENT',
            ].join('\r\n'),
          );
          const once = meetings(text);
          const keys = once.map((m) => m.key);
          return (
            new Set(keys).size === keys.length &&
            once.length === count - excluded.length &&
            JSON.stringify(meetings(text)) === JSON.stringify(once)
          );
        },
      ),
    );
  });
});
