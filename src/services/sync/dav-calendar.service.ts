import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { Forbidden, NotFound } from '../../core/errors';
import { type CalendarEvent, writeCalendarObject } from '../../formats/ics-writer';
import type { Deps } from '../deps';
import { accountCalendarEvents } from '../feed.service';
import { listTaskItems, patchTask } from '../tasks.service';
import { DavPrecondition, PreconditionFailed } from './dav-errors';
import { etagOf } from './dav-render';

/**
 * DTSTAMP of every object: fixed, so an object's ETag changes only when its content does and a
 * client's sync downloads only what changed (RFC 5545 §3.8.7.2 lets a non-scheduling object carry
 * any stamp).
 */
const DTSTAMP = '2026-01-01T00:00:00.000Z';
/** Done tasks stay on the calendar this long, ticked, so a phone shows what was completed. */
const DONE_DAYS = 7;

export interface CalendarObject {
  name: string;
  etag: string;
  body: string;
  component: 'VEVENT' | 'VTODO';
  /** The event behind a VEVENT, for time-range queries. */
  event?: CalendarEvent;
  /** The Tend task behind a VTODO. */
  taskId?: string;
}

const nameOf = (uid: string) => `${uid.replace(/[^\w.@-]/g, '_')}.ics`;

/**
 * The account's CalDAV calendar (RFC 4791), read-only but for to-dos: the feed's birthdays,
 * anniversaries, catch-ups and today's reminders as VEVENTs, and tasks as VTODOs.
 */
export async function calendarObjects(deps: Deps, accountId: string): Promise<CalendarObject[]> {
  const [events, tasks] = await Promise.all([
    accountCalendarEvents(deps, accountId, { tasks: false }),
    listTaskItems(deps, accountId, {}),
  ]);
  const out: CalendarObject[] = events.map((ev) => {
    const body = writeCalendarObject({ dtstamp: DTSTAMP, item: ev });
    return { name: nameOf(ev.uid), etag: etagOf(body), body, component: 'VEVENT', event: ev };
  });
  const since = deps.clock().getTime() - DONE_DAYS * 86_400_000;
  for (const t of tasks) {
    if (t.doneAt && Date.parse(t.doneAt) < since) continue;
    const uid = `task-${t.id}@tend`;
    const body = writeCalendarObject({
      dtstamp: DTSTAMP,
      item: { kind: 'todo', uid, summary: t.title, due: t.dueAt, ...(t.doneAt && { completed: t.doneAt }) },
    });
    out.push({ name: nameOf(uid), etag: etagOf(body), body, component: 'VTODO', taskId: t.id });
  }
  return out;
}

/** The calendar's CTag: changes whenever any object does. */
export function calendarTag(objects: CalendarObject[]): string {
  const h = createHash('sha256');
  for (const o of objects) h.update(`${o.name}${o.etag}`);
  return h.digest('base64url').slice(0, 22);
}

/**
 * A PUT on the calendar: only a to-do may change, and only its completion — COMPLETED marks the
 * task done in Tend, NEEDS-ACTION reopens it. Everything else is Tend's to write (403).
 */
export async function putCalendarObject(
  deps: Deps,
  accountId: string,
  name: string,
  body: string,
  ifMatch: string | undefined,
): Promise<string> {
  const current = (await calendarObjects(deps, accountId)).find((o) => o.name === name);
  if (!current) throw new Forbidden('this calendar is read-only: only existing to-dos can be completed');
  if (!current.taskId) throw new Forbidden('events come from Tend and are read-only here');
  if (ifMatch && !ifMatch.split(',').some((t) => t.trim() === '*' || t.trim() === current.etag))
    throw new PreconditionFailed(`If-Match ${ifMatch} does not match the to-do's current ETag`);
  let todo: ICAL.Component | null;
  try {
    todo = ICAL.Component.fromString(body).getFirstSubcomponent('vtodo');
  } catch (error) {
    throw new DavPrecondition(
      `not iCalendar: ${error instanceof Error ? error.message : String(error)}`,
      'valid-calendar-data',
    );
  }
  if (!todo) throw new DavPrecondition('the body has no VTODO', 'valid-calendar-data');
  const status = String(todo.getFirstPropertyValue('status') ?? '').toUpperCase();
  const done = status === 'COMPLETED' || todo.hasProperty('completed');
  await patchTask(deps, accountId, current.taskId, { done });
  const after = (await calendarObjects(deps, accountId)).find((o) => o.name === name);
  if (!after) throw new NotFound('the to-do is gone');
  return after.etag;
}
