/** The URL space of /dav (one address book and one calendar per account). */
export const DAV_ROOT = '/dav/';
export const BOOK = 'contacts';
export const CALENDAR = 'tend';

export const principalPath = (accountId: string) => `${DAV_ROOT}principals/${accountId}/`;
export const bookHomePath = (accountId: string) => `${DAV_ROOT}addressbooks/${accountId}/`;
export const bookPath = (accountId: string) => `${bookHomePath(accountId)}${BOOK}/`;
export const calendarHomePath = (accountId: string) => `${DAV_ROOT}calendars/${accountId}/`;
export const calendarPath = (accountId: string) => `${calendarHomePath(accountId)}${CALENDAR}/`;
export const cardPath = (accountId: string, name: string) =>
  `${bookPath(accountId)}${encodeURIComponent(name)}`;
export const eventPath = (accountId: string, name: string) =>
  `${calendarPath(accountId)}${encodeURIComponent(name)}`;

export type DavTarget =
  | { kind: 'root' }
  | { kind: 'principal'; accountId: string }
  | { kind: 'book-home'; accountId: string }
  | { kind: 'book'; accountId: string }
  | { kind: 'card'; accountId: string; name: string }
  | { kind: 'calendar-home'; accountId: string }
  | { kind: 'calendar'; accountId: string }
  | { kind: 'event'; accountId: string; name: string };

/** A resource name: one path segment, no dot-segments or control characters. */
const NAME = /^(?!\.\.?$)[^/]{1,255}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;

const validName = (name: string) => NAME.test(name) && !CONTROL.test(name);

/** The resource a path names, or undefined (404). Accepts a full URL as hrefs may carry one. */
export function parseDavPath(pathOrUrl: string): DavTarget | undefined {
  let path = pathOrUrl.replace(/^https?:\/\/[^/]+/i, '').split('?')[0]!;
  try {
    path = path
      .split('/')
      .map((s) => decodeURIComponent(s))
      .join('/');
  } catch {
    return undefined;
  }
  if (path === '/dav' || path === DAV_ROOT) return { kind: 'root' };
  if (!path.startsWith(DAV_ROOT)) return undefined;
  const [area, accountId, collection, name, ...rest] = path.slice(DAV_ROOT.length).split('/');
  if (!area || !accountId || rest.some(Boolean)) return undefined;
  const trailing = (x: string | undefined) => x === undefined || x === '';
  if (area === 'principals' && trailing(collection) && name === undefined)
    return { kind: 'principal', accountId };
  if (area === 'addressbooks') {
    if (trailing(collection) && name === undefined) return { kind: 'book-home', accountId };
    if (collection === BOOK && trailing(name)) return { kind: 'book', accountId };
    if (collection === BOOK && name && validName(name)) return { kind: 'card', accountId, name };
  }
  if (area === 'calendars') {
    if (trailing(collection) && name === undefined) return { kind: 'calendar-home', accountId };
    if (collection === CALENDAR && trailing(name)) return { kind: 'calendar', accountId };
    if (collection === CALENDAR && name && validName(name)) return { kind: 'event', accountId, name };
  }
  return undefined;
}
