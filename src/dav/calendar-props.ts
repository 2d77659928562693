import type { CalendarObject } from '../services/sync/dav-calendar.service';
import { hrefXml, type PropName, type PropValue } from './multistatus';
import { calendarHomePath, calendarPath, eventPath, principalPath } from './paths';
import type { PropSource } from './props';
import { CALDAV, CALSERVER, DAV, escapeXml } from './xml';

const key = (p: PropName) => `${p.ns}|${p.name}`;
const READ = '<d:privilege><d:read/></d:privilege>';

function base(accountId: string): Map<string, PropValue> {
  return new Map([
    [key({ ns: DAV, name: 'current-user-principal' }), hrefXml(principalPath(accountId))],
    [key({ ns: DAV, name: 'owner' }), hrefXml(principalPath(accountId))],
    [key({ ns: CALDAV, name: 'calendar-home-set' }), hrefXml(calendarHomePath(accountId))],
  ]);
}

const fromMap =
  (m: Map<string, PropValue>): PropSource =>
  (p) =>
    m.get(key(p));

export function calendarHomeProps(accountId: string): PropSource {
  const m = base(accountId);
  m.set(key({ ns: DAV, name: 'resourcetype' }), '<d:collection/>');
  m.set(key({ ns: DAV, name: 'current-user-privilege-set' }), READ);
  return fromMap(m);
}

/** The calendar (RFC 4791 §5.2): events and to-dos; read-only except completing to-dos. */
export function calendarProps(accountId: string, ctag: string): PropSource {
  const m = base(accountId);
  m.set(key({ ns: DAV, name: 'resourcetype' }), '<d:collection/><cal:calendar/>');
  m.set(key({ ns: DAV, name: 'displayname' }), 'Tend');
  m.set(
    key({ ns: CALDAV, name: 'calendar-description' }),
    'Birthdays, catch-ups, reminders and tasks from Tend',
  );
  m.set(
    key({ ns: CALDAV, name: 'supported-calendar-component-set' }),
    '<cal:comp name="VEVENT"/><cal:comp name="VTODO"/>',
  );
  m.set(key({ ns: CALSERVER, name: 'getctag' }), escapeXml(`"${ctag}"`));
  m.set(key({ ns: DAV, name: 'getetag' }), escapeXml(`"${ctag}"`));
  m.set(
    key({ ns: DAV, name: 'current-user-privilege-set' }),
    `${READ}<d:privilege><d:write-content/></d:privilege>`,
  );
  m.set(
    key({ ns: DAV, name: 'supported-report-set' }),
    ['cal:calendar-multiget', 'cal:calendar-query']
      .map((r) => `<d:supported-report><d:report><${r}/></d:report></d:supported-report>`)
      .join(''),
  );
  m.set(
    key({ ns: CALDAV, name: 'supported-calendar-data' }),
    '<cal:calendar-data content-type="text/calendar" version="2.0"/>',
  );
  return fromMap(m);
}

export function objectProps(accountId: string, o: CalendarObject): PropSource {
  const m = base(accountId);
  m.set(key({ ns: DAV, name: 'resourcetype' }), '');
  m.set(key({ ns: DAV, name: 'getetag' }), escapeXml(o.etag));
  m.set(key({ ns: DAV, name: 'getcontenttype' }), `text/calendar; charset=utf-8; component=${o.component}`);
  const b = fromMap(m);
  return (p) => (p.ns === CALDAV && p.name === 'calendar-data' ? escapeXml(o.body) : b(p));
}

export const objectHref = (accountId: string, o: CalendarObject) => eventPath(accountId, o.name);
export { calendarPath };
