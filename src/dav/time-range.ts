import ICAL from 'ical.js';
import { type CalendarEvent, NO_YEAR_BASE } from '../formats/ics-writer';
import { DavPrecondition } from '../services/sync/dav-errors';
import { CALDAV, child, type XmlElement } from './xml';

/** A CALDAV:time-range (RFC 4791 §9.9): either side may be open. */
export interface TimeRange {
  start: number;
  end: number;
}

const DAY = 86_400_000;

/** The time-range of a comp-filter, or null when it has none; a malformed one is CALDAV:valid-filter. */
export function timeRangeOf(filter: XmlElement | undefined): TimeRange | null {
  const el = child(filter, CALDAV, 'time-range');
  if (!el) return null;
  const start = utcAttr(el.attrs.start, 'start') ?? Number.NEGATIVE_INFINITY;
  const end = utcAttr(el.attrs.end, 'end') ?? Number.POSITIVE_INFINITY;
  if (start === Number.NEGATIVE_INFINITY && end === Number.POSITIVE_INFINITY)
    throw new DavPrecondition('a time-range needs a start or an end', 'valid-filter');
  if (end <= start) throw new DavPrecondition('the time-range ends before it starts', 'valid-filter');
  return { start, end };
}

function utcAttr(value: string | undefined, name: string): number | null {
  if (value === undefined) return null;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value.trim());
  const at = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN;
  if (Number.isNaN(at))
    throw new DavPrecondition(
      `time-range ${name} '${value}' is not a UTC date-time like 20260101T000000Z`,
      'valid-filter',
    );
  return at;
}

/**
 * Whether an event Tend writes (any occurrence of it) overlaps the range: RFC 4791 §9.9's VEVENT rule,
 * read from the event itself rather than by parsing and expanding its iCalendar text (a yearly
 * birthday from 1950 expanded through ical.js took 2.3 ms, per object and REPORT). All-day dates are
 * taken in UTC, as the iCalendar reading did; a test checks both agree.
 */
export function eventOverlaps(ev: CalendarEvent, range: TimeRange): boolean {
  if (ev.kind === 'timed') {
    const start = Date.parse(ev.start);
    const end = Math.max(Date.parse(ev.end), start);
    // A zero-length event overlaps a range that contains its instant.
    return end === start ? range.start <= start && start < range.end : range.start < end && start < range.end;
  }
  const dayOverlaps = (start: number) => range.start < start + DAY && start < range.end;
  if (ev.kind === 'day') {
    const [y = 0, m = 1, d = 1] = ev.date.split('-').map(Number);
    return dayOverlaps(Date.UTC(y, m - 1, d));
  }
  // Yearly from its first year; 29 February falls on the last day of February (ics-writer's RRULE).
  const first = ev.year ?? NO_YEAR_BASE;
  const from = Number.isFinite(range.start)
    ? Math.max(first, new Date(range.start - DAY).getUTCFullYear())
    : first;
  const to = Number.isFinite(range.end) ? new Date(range.end).getUTCFullYear() : from + 1;
  // Any three whole years in the range hold an occurrence; fewer are checked one by one.
  if (to - from > 3) return true;
  for (let y = from; y <= to; y++) {
    const day = ev.month === 2 && ev.day === 29 ? new Date(Date.UTC(y, 2, 0)).getUTCDate() : ev.day;
    if (dayOverlaps(Date.UTC(y, ev.month - 1, day))) return true;
  }
  return false;
}

/** Whether a to-do overlaps the range: RFC 4791 §9.9's VTODO table, for the properties Tend writes. */
export function todoOverlaps(body: string, range: TimeRange): boolean {
  const todo = new ICAL.Component(ICAL.parse(body)).getFirstSubcomponent('vtodo');
  if (!todo) return false;
  const at = (prop: string) => {
    const value = todo.getFirstPropertyValue(prop);
    return value instanceof ICAL.Time ? value.toJSDate().getTime() : null;
  };
  const start = at('dtstart');
  const due = at('due');
  const completed = at('completed');
  const created = at('created');
  const { start: s, end: e } = range;
  if (start !== null && due !== null) return (s < due || s <= start) && (e > start || e >= due);
  if (start !== null) return s <= start && e > start;
  if (due !== null) return s < due && e >= due;
  if (completed !== null && created !== null)
    return (s <= created || s <= completed) && (e >= created || e >= completed);
  if (completed !== null) return s <= completed && e >= completed;
  if (created !== null) return e > created;
  return true;
}
