import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { writeCalendar, writeInvitation } from './ics-writer';

const DTSTAMP = '2024-03-01T09:00:00Z';

function events(text: string): ICAL.Event[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

function occurrences(ev: ICAL.Event, count: number): string[] {
  const it = ev.iterator();
  const out: string[] = [];
  for (let t = it.next(); t && out.length < count; t = it.next()) out.push(t.toString());
  return out;
}

describe('writeCalendar', () => {
  const text = writeCalendar({
    name: 'Tend, birthdays; reminders',
    dtstamp: DTSTAMP,
    events: [
      { kind: 'yearly', uid: 'bday-1@tend', summary: "Ada's birthday", month: 12, day: 10, year: 1815 },
      { kind: 'yearly', uid: 'bday-2@tend', summary: 'Leap, day; birthday\\', month: 2, day: 29 },
      { kind: 'yearly', uid: 'ann-3@tend', summary: 'Anniversary', month: 4, day: 12 },
      {
        kind: 'day',
        uid: 'task-4@tend',
        summary: 'Follow up with Grace',
        date: '2024-03-15',
        description: 'Line 1\nLine 2',
      },
      {
        kind: 'timed',
        uid: 'catchup-5@tend',
        summary: 'Coffee with Linus',
        start: '2024-03-20T10:30:00+01:00',
        end: '2024-03-20T11:00:00+01:00',
        location: 'Café, Helsinki',
      },
    ],
  });

  it('is CRLF-terminated and folded at 75 octets', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('writes yearly all-day events that ical.js expands every year', () => {
    const [ada, leap, noYear] = events(text);
    expect(ada?.startDate.isDate).toBe(true);
    expect(occurrences(ada!, 3)).toEqual(['1815-12-10', '1816-12-10', '1817-12-10']);
    expect(occurrences(noYear!, 2)).toEqual(['2000-04-12', '2001-04-12']);
    expect(occurrences(leap!, 5)).toEqual([
      '2000-02-29',
      '2001-02-28',
      '2002-02-28',
      '2003-02-28',
      '2004-02-29',
    ]);
    expect(leap?.summary).toBe('Leap, day; birthday\\');
  });

  it('writes one-day reminders and timed events in UTC', () => {
    const [, , , task, coffee] = events(text);
    expect(task?.isRecurring()).toBe(false);
    expect(task?.startDate.toString()).toBe('2024-03-15');
    expect(task?.description).toBe('Line 1\nLine 2');
    expect(coffee?.startDate.toString()).toBe('2024-03-20T09:30:00Z');
    expect(coffee?.endDate.toString()).toBe('2024-03-20T10:00:00Z');
    expect(coffee?.location).toBe('Café, Helsinki');
    expect(text).toContain('DTSTAMP:20240301T090000Z');
    expect(text).toContain('X-WR-CALNAME:Tend\\, birthdays\\; reminders');
  });

  it('refuses an unreadable time rather than writing a broken feed', () => {
    expect(() =>
      writeCalendar({
        dtstamp: 'nope',
        events: [{ kind: 'day', uid: 'u', summary: 's', date: '2024-01-01' }],
      }),
    ).toThrow(RangeError);
  });
});

describe('writeInvitation', () => {
  it('writes a METHOD:REQUEST event with organizer and attendees', () => {
    const text = writeInvitation({
      dtstamp: DTSTAMP,
      organizer: { email: 'me@example.com', name: 'Me, Myself' },
      attendees: [{ email: 'grace@example.com', name: 'Grace "Amazing" Hopper' }],
      event: {
        uid: 'catchup-9@tend',
        summary: 'Catch-up',
        start: '2024-04-02T15:00:00Z',
        end: '2024-04-02T15:30:00Z',
      },
    });
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const vevent = cal.getFirstSubcomponent('vevent')!;
    const organizer = vevent.getFirstProperty('organizer')!;
    expect(organizer.getFirstValue()).toBe('mailto:me@example.com');
    expect(organizer.getParameter('cn')).toBe('Me, Myself');
    const attendee = vevent.getFirstProperty('attendee')!;
    expect(attendee.getFirstValue()).toBe('mailto:grace@example.com');
    expect(attendee.getParameter('cn')).toBe("Grace 'Amazing' Hopper");
    expect(attendee.getParameter('rsvp')).toBe('TRUE');
    expect(new ICAL.Event(vevent).startDate.toString()).toBe('2024-04-02T15:00:00Z');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(0);
  });
});
