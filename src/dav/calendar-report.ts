import type { Deps } from '../services/deps';
import { type CalendarObject, calendarObjects } from '../services/sync/dav-calendar.service';
import { objectHref, objectProps } from './calendar-props';
import { type DavResponse, multistatus, type PropName } from './multistatus';
import { parseDavPath } from './paths';
import { propstat } from './props';
import { eventOverlaps, timeRangeOf, todoOverlaps } from './time-range';
import { CALDAV, child, children, DAV, type XmlElement } from './xml';

/**
 * calendar-multiget and calendar-query (RFC 4791 §7.8, §7.9). The query filters by component
 * (VEVENT, VTODO) and by a time-range on it (§9.9): an event matches when any occurrence overlaps
 * the range, a to-do by its DUE or COMPLETED.
 */
export async function calendarReport(
  deps: Deps,
  accountId: string,
  root: XmlElement,
): Promise<string | null> {
  const prop = child(root, DAV, 'prop');
  const props: PropName[] = prop
    ? prop.children.map((c) => ({ ns: c.ns, name: c.name }))
    : [{ ns: DAV, name: 'getetag' }];
  const objects = await calendarObjects(deps, accountId);
  const respond = (o: (typeof objects)[number]): DavResponse => ({
    href: objectHref(accountId, o),
    ...propstat(objectProps(accountId, o), props),
  });
  if (root.ns === CALDAV && root.name === 'calendar-multiget') {
    const byName = new Map(objects.map((o) => [o.name, o]));
    return multistatus(
      children(root, DAV, 'href').map((h) => {
        const t = parseDavPath(h.text.trim());
        const o = t?.kind === 'event' && t.accountId === accountId ? byName.get(t.name) : undefined;
        return o ? respond(o) : { href: h.text.trim(), status: 404 };
      }),
    );
  }
  if (root.ns === CALDAV && root.name === 'calendar-query') {
    // filter > comp-filter VCALENDAR > comp-filter VEVENT|VTODO, each with an optional time-range
    const outer = child(child(root, CALDAV, 'filter'), CALDAV, 'comp-filter');
    const inner = children(outer, CALDAV, 'comp-filter').map((c) => ({
      component: (c.attrs.name ?? '').toUpperCase(),
      range: timeRangeOf(c),
    }));
    const matches = (o: CalendarObject) =>
      inner.some(
        (f) =>
          f.component === o.component &&
          (f.range === null || (o.event ? eventOverlaps(o.event, f.range) : todoOverlaps(o.body, f.range))),
      );
    const hits = inner.length ? objects.filter(matches) : objects;
    return multistatus(hits.map(respond));
  }
  return null;
}
