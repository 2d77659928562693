import { pad2 } from './dates';
import { escapeText, foldLine, paramValue } from './fold';

/** Shared by every event: a stable UID (so clients update instead of duplicating) and text. */
interface EventBase {
  uid: string;
  summary: string;
  description?: string;
  url?: string;
}
/** An all-day event every year (birthday, anniversary). No year → starts in 2000, a leap year. */
export interface YearlyEvent extends EventBase {
  kind: 'yearly';
  month: number;
  day: number;
  year?: number;
}
/** An all-day event on one date (a reminder or follow-up due that day), YYYY-MM-DD. */
export interface DayEvent extends EventBase {
  kind: 'day';
  date: string;
}
/** A timed event; start/end are ISO-8601 instants with an offset or Z. */
export interface TimedEvent extends EventBase {
  kind: 'timed';
  start: string;
  end: string;
  location?: string;
}
export type CalendarEvent = YearlyEvent | DayEvent | TimedEvent;
export interface Person {
  email: string;
  name?: string;
}

const PRODID = '-//Tend//Tend Calendar//EN';
/** Base year for yearly events without a year: a leap year, so 29 February is a valid DTSTART. */
export const NO_YEAR_BASE = 2000;

/**
 * Times are written in UTC (`…Z`), which RFC 5545 allows without a VTIMEZONE and every client
 * (Google Calendar included) shows in the viewer's zone; TZID would oblige us to ship VTIMEZONE data.
 */
function utc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an ISO-8601 instant: ${iso}`);
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function basicDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}${pad2(month)}${pad2(day)}`;
}

function nextDay(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day + 1));
  return basicDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function eventLines(ev: CalendarEvent, dtstamp: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(ev.uid)}`, `DTSTAMP:${utc(dtstamp)}`];
  if (ev.kind === 'timed') {
    lines.push(`DTSTART:${utc(ev.start)}`, `DTEND:${utc(ev.end)}`);
    if (ev.location) lines.push(`LOCATION:${escapeText(ev.location)}`);
  } else {
    const [y, m, d] =
      ev.kind === 'yearly' ? [ev.year ?? NO_YEAR_BASE, ev.month, ev.day] : ev.date.split('-').map(Number);
    if (!y || !m || !d)
      throw new RangeError(`not a date: ${ev.kind === 'day' ? ev.date : `${ev.month}-${ev.day}`}`);
    lines.push(`DTSTART;VALUE=DATE:${basicDate(y, m, d)}`, `DTEND;VALUE=DATE:${nextDay(y, m, d)}`);
    // RFC 5545 drops occurrences on dates that do not exist, so FREQ=YEARLY from 29 February would
    // skip three years in four; "last day of February" lands on the 29th in leap years, else the 28th.
    if (ev.kind === 'yearly') {
      lines.push(m === 2 && d === 29 ? 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' : 'RRULE:FREQ=YEARLY');
    }
    lines.push('TRANSP:TRANSPARENT'); // all-day reminders should not mark the day as busy
  }
  lines.push(`SUMMARY:${escapeText(ev.summary)}`);
  if (ev.description) lines.push(`DESCRIPTION:${escapeText(ev.description)}`);
  if (ev.url) lines.push(`URL:${noBreaks(ev.url)}`);
  lines.push('END:VEVENT');
  return lines;
}

/** URI values are not escaped in RFC 5545, so a stray line break would inject a property. */
function noBreaks(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return value.replace(/[\u0000-\u001f\u007f]/g, '');
}

function calendar(header: string[], body: string[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    ...header,
    ...body,
  ];
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** A subscribable calendar (feed or .ics download). `dtstamp` is when it was generated (no clock reads here). */
export function writeCalendar(input: {
  name?: string;
  dtstamp: string;
  events: Iterable<CalendarEvent>;
}): string {
  const header = ['METHOD:PUBLISH'];
  if (input.name) header.push(`X-WR-CALNAME:${escapeText(input.name)}`);
  const body: string[] = [];
  for (const ev of input.events) body.push(...eventLines(ev, input.dtstamp));
  return calendar(header, body);
}

function address(role: 'ORGANIZER' | 'ATTENDEE', p: Person, extra = ''): string {
  const cn = p.name ? `;CN=${paramValue(p.name)}` : '';
  return `${role}${cn}${extra}:mailto:${noBreaks(p.email)}`;
}

/** A single-event invitation (iTIP METHOD:REQUEST) for a catch-up, to attach to an e-mail. */
export function writeInvitation(input: {
  event: Omit<TimedEvent, 'kind'>;
  dtstamp: string;
  organizer: Person;
  attendees: readonly Person[];
  /** Bump on each update of the same UID so clients replace the earlier version. */
  sequence?: number;
}): string {
  const lines = eventLines({ ...input.event, kind: 'timed' }, input.dtstamp);
  const extra = [
    `SEQUENCE:${input.sequence ?? 0}`,
    'STATUS:CONFIRMED',
    address('ORGANIZER', input.organizer),
    ...input.attendees.map((a) =>
      address('ATTENDEE', a, ';ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE'),
    ),
  ];
  lines.splice(lines.length - 1, 0, ...extra);
  return calendar(['METHOD:REQUEST'], lines);
}

/** A to-do (RFC 5545 §3.6.2): a Tend task, completed or not. */
export interface Todo {
  uid: string;
  summary: string;
  description?: string;
  due: string;
  /** When it was done; absent = NEEDS-ACTION. */
  completed?: string;
}

function todoLines(todo: Todo, dtstamp: string): string[] {
  const lines = [
    'BEGIN:VTODO',
    `UID:${escapeText(todo.uid)}`,
    `DTSTAMP:${utc(dtstamp)}`,
    `DUE:${utc(todo.due)}`,
  ];
  lines.push(`SUMMARY:${escapeText(todo.summary)}`);
  if (todo.description) lines.push(`DESCRIPTION:${escapeText(todo.description)}`);
  if (todo.completed)
    lines.push('STATUS:COMPLETED', `COMPLETED:${utc(todo.completed)}`, 'PERCENT-COMPLETE:100');
  else lines.push('STATUS:NEEDS-ACTION');
  lines.push('END:VTODO');
  return lines;
}

/**
 * One CalDAV calendar object resource: a single event or to-do, and no METHOD (RFC 4791 §4.1
 * forbids it outside scheduling messages).
 */
export function writeCalendarObject(input: {
  dtstamp: string;
  item: CalendarEvent | (Todo & { kind: 'todo' });
}): string {
  const { item } = input;
  return calendar(
    [],
    item.kind === 'todo' ? todoLines(item, input.dtstamp) : eventLines(item, input.dtstamp),
  );
}
