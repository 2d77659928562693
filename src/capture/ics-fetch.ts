import { calendarQuery, type QueryRange, ReportRefused } from './caldav-query';
import { authFailed, IcsFetchError, limitedText } from './ics-fetch-error';
import { guardedFetch, type OutboundPolicy, OutboundRefused } from './outbound';

export { IcsFetchError } from './ics-fetch-error';

const TIMEOUT_MS = 30_000;

export interface IcsAddress {
  url: string;
  user?: string;
  password?: string;
}

/** webcal:// is how Google and Outlook publish a subscription; it is plain HTTPS underneath. */
export function httpUrl(url: string): string {
  return url.replace(/^webcals?:\/\//i, 'https://');
}

/** GET answers after which a CalDAV server may still answer a calendar-query REPORT. */
const ASK_BY_REPORT = new Set([403, 405, 501]);

/**
 * GETs a published calendar (Google's secret address, Outlook's published calendar) or a CalDAV
 * collection (Radicale, Nextcloud and others answer GET on a calendar with the whole calendar),
 * with Basic auth when a user is given. When GET gives no calendar (a 403, 405 or 501, or a DAV
 * multistatus or HTML page instead, as iCloud and Fastmail do) it asks again with a
 * calendar-query REPORT for the events in `range`; if that fails too, GET's answer is the error.
 * Reads at most ICS_SIZE_LIMIT bytes.
 */
export async function fetchIcs(
  address: IcsAddress,
  policy: OutboundPolicy,
  range: QueryRange,
): Promise<string> {
  const url = new URL(httpUrl(address.url));
  const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5' };
  if (address.user)
    headers.authorization = `Basic ${Buffer.from(`${address.user}:${address.password ?? ''}`).toString('base64')}`;
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  const res = await reaching(url, () => guardedFetch(url, { headers, signal }, policy));
  const says = `the server says ${res.status} ${res.statusText}`.trim();
  const byReport = async (problem: string): Promise<string> => {
    try {
      return await reaching(url, () => calendarQuery(url, headers, range, policy, signal));
    } catch (error) {
      // A plain web server refuses REPORT; what it did to the GET is what the user needs to hear.
      if (error instanceof ReportRefused) throw new IcsFetchError(problem);
      throw error;
    }
  };
  if (ASK_BY_REPORT.has(res.status)) {
    await res.body?.cancel().catch(() => {});
    return byReport(res.status === 403 ? authFailed(says) : `the calendar could not be read: ${says}`);
  }
  if (res.status === 401) throw new IcsFetchError(authFailed(says));
  if (res.status === 404 || res.status === 410)
    throw new IcsFetchError(`the calendar was not found: ${says}; check the address`);
  if (!res.ok) throw new IcsFetchError(`the calendar could not be read: ${says}`);
  const text = await limitedText(res);
  if (!/BEGIN:VCALENDAR/i.test(text.slice(0, 4096)))
    return byReport(
      `the address did not return a calendar (it sent ${res.headers.get('content-type') ?? 'no content type'})`,
    );
  return text;
}

/** Runs a request, turning a refused address, a timeout or a network failure into words. */
async function reaching<T>(url: URL, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof IcsFetchError) throw error;
    if (error instanceof OutboundRefused) throw new IcsFetchError(error.message);
    if (error instanceof Error && error.name === 'TimeoutError')
      throw new IcsFetchError(`no answer from ${url.host} within ${TIMEOUT_MS / 1000} s`);
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const code = cause instanceof Error && 'code' in cause ? String(cause.code) : String(cause);
    throw new IcsFetchError(`cannot reach ${url.host}: ${code}`);
  }
}
