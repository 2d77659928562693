import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { safeZone } from '../core/instant';

/** Occurrences kept per recurring event inside the window (a daily event over two years is 730). */
export const MAX_OCCURRENCES = 1000;
// Steps of one RRULE walked before giving up: FREQ=MINUTELY from 1990 must not hold the server.
const MAX_STEPS = 20_000;
const MAX_TITLE = 300;

export interface Attendee {
  address: string;
  name: string;
  /** PARTSTAT as written (ACCEPTED, DECLINED, NEEDS-ACTION …), upper case. */
  partstat: string;
}

/** One occurrence of an event, all capture keeps of it (never the description). */
export interface Meeting {
  /** UID, plus the occurrence (its RECURRENCE-ID in UTC) for a recurring event. */
  key: string;
  title: string;
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  cancelled: boolean;
  /** A video link (Meet, Zoom, Teams …) rather than a room. */
  online: boolean;
  organizer: string | null;
  attendees: Attendee[];
}

export type MeetingItem = { ok: true; meeting: Meeting } | { ok: false; error: string };

export interface Window {
  from: number;
  to: number;
  /** Where floating times and all-day dates are read (the user's zone). */
  zone: string;
}

/** The calendar's lines with folding undone (RFC 5545 §3.1), each with its 1-based line number. */
function* unfolded(text: string): Generator<{ line: string; at: number }> {
  let current: string | null = null;
  let at = 0;
  let n = 0;
  for (const raw of text.split(/\r?\n/)) {
    n++;
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && current !== null) {
      current += raw.slice(1);
      continue;
    }
    if (current !== null) yield { line: current, at };
    current = raw;
    at = n;
  }
  if (current !== null) yield { line: current, at };
}

interface Block {
  kind: 'VEVENT' | 'VTIMEZONE';
  text: string;
  at: number;
}

/** The VEVENT and VTIMEZONE blocks, each parsed alone so one broken event never spoils the others. */
function* blocks(text: string): Generator<Block> {
  let open: { kind: Block['kind']; lines: string[]; at: number; depth: number } | null = null;
  for (const { line, at } of unfolded(text)) {
    const upper = line.toUpperCase();
    if (!open) {
      if (upper === 'BEGIN:VEVENT' || upper === 'BEGIN:VTIMEZONE')
        open = { kind: upper === 'BEGIN:VEVENT' ? 'VEVENT' : 'VTIMEZONE', lines: [line], at, depth: 1 };
      continue;
    }
    open.lines.push(line);
    if (upper.startsWith('BEGIN:')) open.depth++;
    else if (upper.startsWith('END:')) open.depth--;
    if (open.depth === 0) {
      yield { kind: open.kind, text: `${open.lines.join('\r\n')}\r\n`, at: open.at };
      open = null;
    }
  }
  if (open) yield { kind: open.kind, text: open.lines.join('\r\n'), at: open.at };
}

type Zones = Map<string, ICAL.Timezone>;

/** Epoch ms of an iCalendar time: its own VTIMEZONE, else an IANA TZID, else the user's zone. */
function millis(t: ICAL.Time, tzid: string | undefined, zones: Zones, zone: string): number {
  if (t.isDate) return DateTime.fromObject({ year: t.year, month: t.month, day: t.day }, { zone }).toMillis();
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  if (t.zone?.tzid === 'UTC') return wall;
  const id = tzid;
  const own = id ? zones.get(id) : undefined;
  if (own) return wall - own.utcOffset(t) * 1000;
  const local = {
    year: t.year,
    month: t.month,
    day: t.day,
    hour: t.hour,
    minute: t.minute,
    second: t.second,
  };
  const named = id ? safeZone(id) : 'utc';
  return DateTime.fromObject(local, {
    zone: named === 'utc' && id?.toUpperCase() !== 'UTC' ? zone : named,
  }).toMillis();
}

/** The TZID parameter of a date property (ical.js keeps it off its Time type). */
function tzidOf(component: ICAL.Component, name: string): string | undefined {
  const v = component.getFirstProperty(name)?.getParameter('tzid');
  return typeof v === 'string' ? v : undefined;
}

function address(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const a = value.replace(/^mailto:/i, '').trim();
  return a.includes('@') ? a : null;
}

const VIDEO = /meet\.google\.com|zoom\.us|teams\.microsoft\.com|webex\.com|whereby\.com|jitsi/i;

function people(vevent: ICAL.Component): { organizer: string | null; attendees: Attendee[] } {
  const organizer = address(vevent.getFirstPropertyValue('organizer'));
  const attendees: Attendee[] = [];
  for (const p of vevent.getAllProperties('attendee')) {
    const a = address(p.getFirstValue());
    if (!a) continue;
    const name = p.getParameter('cn');
    const partstat = p.getParameter('partstat');
    attendees.push({
      address: a,
      name: typeof name === 'string' ? name : '',
      partstat: typeof partstat === 'string' ? partstat.toUpperCase() : 'NEEDS-ACTION',
    });
  }
  return { organizer, attendees };
}

function describe(vevent: ICAL.Component, key: string, start: number, end: number, allDay: boolean): Meeting {
  const text = (name: string) => {
    const v = vevent.getFirstPropertyValue(name);
    return typeof v === 'string' ? v : '';
  };
  const where = `${text('location')} ${text('url')} ${text('x-google-conference')}`;
  return {
    key,
    title: (text('summary').trim() || '(no title)').slice(0, MAX_TITLE),
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(Math.max(end, start)).toISOString(),
    allDay,
    cancelled: text('status').toUpperCase() === 'CANCELLED',
    online: VIDEO.test(where) || vevent.hasProperty('conference'),
    ...people(vevent),
  };
}

function end(event: ICAL.Event, start: ICAL.Time, endTime: ICAL.Time | null): ICAL.Time {
  if (endTime) return endTime;
  const e = start.clone();
  if (start.isDate) e.day += 1;
  else if (event.duration) e.addDuration(event.duration);
  return e;
}

/**
 * The meetings of an iCalendar text that start inside the window, recurring events expanded
 * (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides) in their own zones. Each VEVENT is parsed
 * alone: a malformed one is reported with its line and skipped, never the whole calendar.
 */
export function* icsEvents(text: string, window: Window): Generator<MeetingItem> {
  const zones: Zones = new Map();
  const masters = new Map<string, { event: ICAL.Event; vevent: ICAL.Component; label: string }>();
  const overrides: { vevent: ICAL.Component; at: number }[] = [];
  let n = 0;
  for (const block of blocks(text)) {
    if (block.kind === 'VEVENT') n++;
    const label = block.kind === 'VEVENT' ? `event ${n} (line ${block.at})` : `time zone (line ${block.at})`;
    try {
      const component = new ICAL.Component(ICAL.parse(block.text));
      if (block.kind === 'VTIMEZONE') {
        const tz = ICAL.Timezone.fromData(component);
        if (tz.tzid) zones.set(tz.tzid, tz);
        continue;
      }
      const uid = component.getFirstPropertyValue('uid');
      if (typeof uid !== 'string' || uid.trim() === '') throw new Error('it has no UID');
      if (!component.hasProperty('dtstart')) throw new Error('it has no DTSTART');
      if (component.hasProperty('recurrence-id')) overrides.push({ vevent: component, at: block.at });
      else
        masters.set(uid, {
          event: new ICAL.Event(component, { strictExceptions: false }),
          vevent: component,
          label,
        });
    } catch (error) {
      if (block.kind === 'VEVENT') yield { ok: false, error: `${label}: ${reason(error)}` };
    }
  }
  // Overrides without their master (an invitation to one instance) stand alone.
  const alone: { vevent: ICAL.Component; at: number }[] = [];
  for (const o of overrides) {
    const master = masters.get(String(o.vevent.getFirstPropertyValue('uid')));
    if (master?.event.isRecurring()) master.event.relateException(o.vevent);
    else alone.push(o);
  }
  for (const { event, vevent, label } of masters.values()) {
    try {
      yield* occurrences(event, vevent, window, zones);
    } catch (error) {
      yield { ok: false, error: `${label}: ${reason(error)}` };
    }
  }
  for (const { vevent, at } of alone) {
    try {
      const event = new ICAL.Event(vevent);
      const rid = millis(event.recurrenceId, tzidOf(vevent, 'recurrence-id'), zones, window.zone);
      const tzid = tzidOf(vevent, 'dtstart');
      const start = millis(event.startDate, tzid, zones, window.zone);
      if (start < window.from || start > window.to) continue;
      const endTz = tzidOf(vevent, 'dtend') ?? tzid;
      const stop = millis(end(event, event.startDate, event.endDate), endTz, zones, window.zone);
      yield {
        ok: true,
        meeting: describe(
          vevent,
          `${event.uid}#${new Date(rid).toISOString()}`,
          start,
          stop,
          event.startDate.isDate,
        ),
      };
    } catch (error) {
      yield { ok: false, error: `event (line ${at}): ${reason(error)}` };
    }
  }
}

function* occurrences(
  event: ICAL.Event,
  vevent: ICAL.Component,
  window: Window,
  zones: Zones,
): Generator<MeetingItem> {
  const tzid = tzidOf(vevent, 'dtstart');
  const allDay = event.startDate.isDate;
  if (!event.isRecurring()) {
    const start = millis(event.startDate, tzid, zones, window.zone);
    if (start < window.from || start > window.to) return;
    const endTz = tzidOf(vevent, 'dtend') ?? tzid;
    const stop = millis(end(event, event.startDate, event.endDate), endTz, zones, window.zone);
    yield { ok: true, meeting: describe(vevent, event.uid, start, stop, allDay) };
    return;
  }
  const it = event.iterator();
  let kept = 0;
  for (let step = 0; step < MAX_STEPS && kept < MAX_OCCURRENCES; step++) {
    const next = it.next();
    if (!next) return;
    const original = millis(next, tzid, zones, window.zone);
    // Overrides may move an occurrence a day or so; look a little beyond the window's edges.
    if (original > window.to + 7 * 86_400_000) return;
    const details = event.getOccurrenceDetails(next);
    // An override carries its own zone; the occurrences the rule makes are in the master's.
    const own = details.item === event ? tzid : tzidOf(details.item.component, 'dtstart');
    const start = millis(details.startDate, own, zones, window.zone);
    if (start < window.from || start > window.to) continue;
    const endTz = tzidOf(details.item.component, 'dtend') ?? own;
    const stop = millis(end(details.item, details.startDate, details.endDate), endTz, zones, window.zone);
    kept++;
    yield {
      ok: true,
      meeting: describe(
        details.item.component,
        `${event.uid}#${new Date(original).toISOString()}`,
        start,
        stop,
        allDay,
      ),
    };
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
