import ICAL from 'ical.js';
import { icsEvents } from '../capture/ics-events';
import { DavPrecondition } from '../services/sync/dav-errors';
import { CALDAV, child, type XmlElement } from './xml';

/** A CALDAV:time-range (RFC 4791 §9.9): either side may be open. */
export interface TimeRange {
  start: number;
  end: number;
}

const DAY = 86_400_000;
// An event that began this long before the range can still overlap it (a trip, a yearly birthday).
const LOOK_BACK = 366 * DAY;

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

/** Whether an event (any occurrence of it) overlaps the range: RFC 4791 §9.9's VEVENT rule. */
export function eventOverlaps(body: string, range: TimeRange): boolean {
  const window = {
    from: Math.max(range.start - LOOK_BACK, -8.64e15),
    to: Math.min(range.end, 8.64e15),
    zone: 'UTC',
  };
  for (const item of icsEvents(body, window)) {
    if (!item.ok) continue;
    const start = Date.parse(item.meeting.startsAt);
    const end = Math.max(Date.parse(item.meeting.endsAt), start);
    // A zero-length event overlaps a range that contains its instant.
    if (end === start ? range.start <= start && start < range.end : range.start < end && start < range.end)
      return true;
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
