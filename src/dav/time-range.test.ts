import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { icsEvents } from '../capture/ics-events';
import { type CalendarEvent, writeCalendarObject } from '../formats/ics-writer';
import { DavPrecondition } from '../services/sync/dav-errors';
import { eventOverlaps, type TimeRange, timeRangeOf, todoOverlaps } from './time-range';
import { CALDAV, type XmlElement } from './xml';

const DTSTAMP = '2026-01-01T00:00:00.000Z';
const at = (iso: string) => Date.parse(iso);
const range = (start: string, end: string): TimeRange => ({ start: at(start), end: at(end) });
const timed = (start: string, end: string): CalendarEvent => ({
  kind: 'timed',
  uid: 'c@tend',
  summary: 'Coffee',
  start,
  end,
});

/** The same rule read from the event's iCalendar text, as a client sees it: every occurrence expanded. */
function icsOverlaps(ev: CalendarEvent, range: TimeRange): boolean {
  const body = writeCalendarObject({ dtstamp: DTSTAMP, item: ev });
  const window = { from: range.start - 367 * 86_400_000, to: range.end, zone: 'UTC' };
  for (const item of icsEvents(body, window)) {
    if (!item.ok) continue;
    const start = Date.parse(item.meeting.startsAt);
    const end = Math.max(Date.parse(item.meeting.endsAt), start);
    if (end === start ? range.start <= start && start < range.end : range.start < end && start < range.end)
      return true;
  }
  return false;
}

function filter(attrs: Record<string, string>): XmlElement {
  return {
    ns: CALDAV,
    name: 'comp-filter',
    attrs: { name: 'VEVENT' },
    text: '',
    children: [{ ns: CALDAV, name: 'time-range', attrs, text: '', children: [] }],
  };
}

describe('CalDAV time-range (RFC 4791 §9.9)', () => {
  it('matches a timed event exactly when the two half-open intervals overlap', () => {
    const base = at('2026-03-01T00:00:00Z');
    const minute = 60_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 600 }),
        (a, len, s, rlen) => {
          const start = base + a * minute;
          const end = start + len * minute;
          const r = { start: base + s * minute, end: base + (s + rlen) * minute };
          const ev = timed(new Date(start).toISOString(), new Date(end).toISOString());
          expect(eventOverlaps(ev, r)).toBe(r.start < end && start < r.end);
        },
      ),
      { seed: 20261202, numRuns: 200 },
    );
  });

  it('finds any year of a yearly birthday, and a trip that began before the range', () => {
    const birthday: CalendarEvent = {
      kind: 'yearly',
      uid: 'b@tend',
      summary: 'Birthday: Grace',
      month: 12,
      day: 9,
      year: 1906,
    };
    expect(eventOverlaps(birthday, range('2026-12-01T00:00:00Z', '2026-12-31T00:00:00Z'))).toBe(true);
    expect(eventOverlaps(birthday, range('2031-12-09T12:00:00Z', '2031-12-09T13:00:00Z'))).toBe(true);
    expect(eventOverlaps(birthday, range('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'))).toBe(false);
    expect(eventOverlaps(birthday, range('1900-01-01T00:00:00Z', '1906-12-01T00:00:00Z'))).toBe(false);
    // 29 February falls on the 28th in other years; an all-day date ends at the next midnight (UTC).
    const leap: CalendarEvent = {
      kind: 'yearly',
      uid: 'l@tend',
      summary: 'Leap',
      month: 2,
      day: 29,
      year: 2000,
    };
    const due: CalendarEvent = { kind: 'day', uid: 'd@tend', summary: 'Due', date: '2026-03-10' };
    const cases: [CalendarEvent, TimeRange, boolean][] = [
      [leap, range('2027-02-28T00:00:00Z', '2027-02-28T01:00:00Z'), true],
      [leap, range('2027-03-01T00:00:00Z', '2027-03-02T00:00:00Z'), false],
      [leap, range('2028-02-28T00:00:00Z', '2028-02-29T00:00:00Z'), false],
      [leap, range('2028-02-29T23:00:00Z', '2028-03-01T00:00:00Z'), true],
      [due, range('2026-03-11T00:00:00Z', '2026-03-12T00:00:00Z'), false],
      [due, range('2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z'), false],
      [due, range('2026-03-10T23:59:00Z', '2026-03-11T00:00:00Z'), true],
    ];
    for (const [ev, r, want] of cases) {
      expect(eventOverlaps(ev, r)).toBe(want);
      expect(icsOverlaps(ev, r)).toBe(want);
    }
    const trip = timed('2026-05-01T08:00:00Z', '2026-05-20T18:00:00Z');
    expect(eventOverlaps(trip, range('2026-05-10T00:00:00Z', '2026-05-11T00:00:00Z'))).toBe(true);
    expect(eventOverlaps(trip, range('2026-05-20T18:00:00Z', '2026-05-21T00:00:00Z'))).toBe(false);
  });

  it('agrees with the events expanded from their iCalendar text, every kind Tend writes (property)', () => {
    const DAY = 86_400_000;
    const lo = Date.UTC(1990, 0, 1);
    const event: fc.Arbitrary<CalendarEvent> = fc.oneof(
      fc
        .record({
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 31 }),
          year: fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: undefined }),
        })
        .filter((d) => d.day <= new Date(Date.UTC(2000, d.month, 0)).getUTCDate())
        .map((d) => ({ kind: 'yearly' as const, uid: 'y@tend', summary: 'Birthday', ...d })),
      fc.integer({ min: 0, max: 40 * 365 }).map((n) => ({
        kind: 'day' as const,
        uid: 'd@tend',
        summary: 'Due',
        date: new Date(lo + n * DAY).toISOString().slice(0, 10),
      })),
      fc
        .tuple(fc.integer({ min: 0, max: 40 * 365 * 24 }), fc.integer({ min: 0, max: 24 * 30 }))
        .map(([h, len]) => ({
          kind: 'timed' as const,
          uid: 't@tend',
          summary: 'Trip',
          start: new Date(lo + h * 3_600_000).toISOString(),
          end: new Date(lo + (h + len) * 3_600_000).toISOString(),
        })),
    );
    const hours = fc.integer({ min: 0, max: 40 * 365 * 24 });
    const someRange: fc.Arbitrary<TimeRange> = fc
      .tuple(hours, fc.integer({ min: 1, max: 24 * 800 }), fc.constantFrom('both', 'open end', 'open start'))
      .map(([h, len, kind]) => ({
        start: kind === 'open start' ? Number.NEGATIVE_INFINITY : lo + h * 3_600_000,
        end: kind === 'open end' ? Number.POSITIVE_INFINITY : lo + (h + len) * 3_600_000,
      }));
    fc.assert(
      fc.property(event, someRange, (ev, r) => {
        expect(eventOverlaps(ev, r)).toBe(icsOverlaps(ev, r));
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });

  it('places a to-do by its DUE, then its COMPLETED, and keeps one with neither', () => {
    const todo = (due: string) =>
      writeCalendarObject({
        dtstamp: DTSTAMP,
        item: { kind: 'todo', uid: 't@tend', summary: 'Send it', due },
      });
    // Written by another client: no DUE.
    const bare = (...lines: string[]) =>
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'BEGIN:VTODO',
        'UID:x@client',
        'DTSTAMP:20260101T000000Z',
        ...lines,
        'END:VTODO',
        'END:VCALENDAR',
      ].join('\r\n');
    const march = range('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
    expect(todoOverlaps(todo('2026-03-12T09:00:00.000Z'), march)).toBe(true);
    expect(todoOverlaps(todo('2026-04-12T09:00:00.000Z'), march)).toBe(false);
    // DUE only: (start < DUE) AND (end >= DUE), so a range ending at DUE still holds it.
    expect(todoOverlaps(todo('2026-04-01T00:00:00.000Z'), march)).toBe(true);
    expect(todoOverlaps(todo('2026-03-01T00:00:00.000Z'), march)).toBe(false);
    expect(todoOverlaps(bare('COMPLETED:20260305T100000Z'), march)).toBe(true);
    expect(todoOverlaps(bare('COMPLETED:20260505T100000Z'), march)).toBe(false);
    expect(todoOverlaps(bare('DTSTART:20260315T100000Z'), march)).toBe(true);
    expect(todoOverlaps(bare(), march)).toBe(true);
  });

  it('reads open-ended ranges and refuses malformed ones as CALDAV:valid-filter', () => {
    expect(timeRangeOf(filter({ start: '20260301T000000Z' }))).toEqual({
      start: at('2026-03-01T00:00:00Z'),
      end: Number.POSITIVE_INFINITY,
    });
    expect(timeRangeOf({ ...filter({}), children: [] })).toBeNull();
    const bad: Record<string, string>[] = [
      {},
      { start: '2026-03-01' },
      { start: '20260301T000000Z', end: '20260201T000000Z' },
    ];
    for (const attrs of bad) {
      let error: unknown;
      try {
        timeRangeOf(filter(attrs));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DavPrecondition);
      expect((error as DavPrecondition).condition).toBe('valid-filter');
    }
  });
});
