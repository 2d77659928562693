import { CardDavError, davText, parseMultistatus } from './carddav-client';
import { authFailed, IcsFetchError, limitedText } from './ics-fetch-error';
import { guardedFetch, type OutboundPolicy } from './outbound';

/** The server does not take the REPORT (a plain web server, or not a calendar collection). */
export class ReportRefused extends IcsFetchError {}

/** The span asked for, in epoch ms (the capture window: the backfill months to 36 hours ahead). */
export interface QueryRange {
  from: number;
  to: number;
}

/** 20240301T000000Z, the UTC form a CalDAV time-range takes (RFC 4791 §9.9). */
export function utcStamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

export function calendarQueryBody(range: QueryRange): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">' +
    '<d:prop><d:getetag/><c:calendar-data/></d:prop>' +
    '<c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">' +
    `<c:time-range start="${utcStamp(range.from)}" end="${utcStamp(range.to)}"/>` +
    '</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>'
  );
}

/**
 * A CalDAV calendar-query REPORT (RFC 4791 §7.8, Depth 1) for the events in the range, for the
 * servers that do not answer GET on a collection (iCloud, Fastmail …). Each response's
 * calendar-data is one resource's VCALENDAR; they are returned one after the other, which the
 * event reader takes as one calendar (it reads VEVENT and VTIMEZONE blocks wherever they are).
 * Recurring events come back whole (RRULE and overrides) and are expanded by us, not the server.
 */
export async function calendarQuery(
  url: URL,
  headers: Record<string, string>,
  range: QueryRange,
  policy: OutboundPolicy,
  signal: AbortSignal,
): Promise<string> {
  const res = await guardedFetch(
    url,
    {
      method: 'REPORT',
      headers: { ...headers, depth: '1', 'content-type': 'application/xml; charset=utf-8' },
      body: calendarQueryBody(range),
      signal,
    },
    policy,
  );
  const says = `the server says ${res.status} ${res.statusText}`.trim();
  if (res.status === 401 || res.status === 403) throw new IcsFetchError(authFailed(says));
  if (res.status !== 207) {
    await res.body?.cancel().catch(() => {});
    throw new ReportRefused(`the calendar-query REPORT was refused: ${says}`);
  }
  let responses: ReturnType<typeof parseMultistatus>;
  try {
    responses = parseMultistatus(await limitedText(res));
  } catch (error) {
    if (error instanceof CardDavError) throw new IcsFetchError(`the calendar-query REPORT: ${error.message}`);
    throw error;
  }
  const calendars = responses
    .map((r) => davText(r.props['calendar-data']))
    .filter((t) => /BEGIN:VCALENDAR/i.test(t));
  return calendars.length > 0
    ? calendars.join('\r\n')
    : 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
}
