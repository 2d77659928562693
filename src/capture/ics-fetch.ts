import { ICS_SIZE_LIMIT } from '../core/meeting-capture';
import { guardedFetch, type OutboundPolicy, OutboundRefused } from './outbound';

/** A calendar address that could not be read, said in words the user can act on. */
export class IcsFetchError extends Error {}

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

/**
 * GETs a published calendar (Google's secret address, Outlook's published calendar) or a CalDAV
 * collection (Radicale, Nextcloud and others answer GET on a calendar with the whole calendar),
 * with Basic auth when a user is given. Reads at most ICS_SIZE_LIMIT bytes.
 */
export async function fetchIcs(address: IcsAddress, policy: OutboundPolicy): Promise<string> {
  const url = new URL(httpUrl(address.url));
  const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5' };
  if (address.user)
    headers.authorization = `Basic ${Buffer.from(`${address.user}:${address.password ?? ''}`).toString('base64')}`;
  let res: Response;
  try {
    res = await guardedFetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) }, policy);
  } catch (error) {
    if (error instanceof OutboundRefused) throw new IcsFetchError(error.message);
    if (error instanceof Error && error.name === 'TimeoutError')
      throw new IcsFetchError(`no answer from ${url.host} within ${TIMEOUT_MS / 1000} s`);
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const code = cause instanceof Error && 'code' in cause ? String(cause.code) : String(cause);
    throw new IcsFetchError(`cannot reach ${url.host}: ${code}`);
  }
  const says = `the server says ${res.status} ${res.statusText}`.trim();
  if (res.status === 401 || res.status === 403)
    throw new IcsFetchError(`authentication failed: ${says}; check the user and app password`);
  if (res.status === 404 || res.status === 410)
    throw new IcsFetchError(`the calendar was not found: ${says}; check the address`);
  if (!res.ok) throw new IcsFetchError(`the calendar could not be read: ${says}`);
  const text = await limitedText(res);
  if (!/BEGIN:VCALENDAR/i.test(text.slice(0, 4096)))
    throw new IcsFetchError(
      `the address did not return a calendar (it sent ${res.headers.get('content-type') ?? 'no content type'})`,
    );
  return text;
}

async function limitedText(res: Response): Promise<string> {
  if (!res.body) return '';
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.byteLength;
    if (size > ICS_SIZE_LIMIT) {
      await res.body.cancel().catch(() => {});
      throw new IcsFetchError(`the calendar is larger than ${ICS_SIZE_LIMIT / 1024 ** 2} MB`);
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts).toString('utf8');
}
