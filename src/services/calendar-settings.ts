import { httpUrl } from '../capture/ics-fetch';
import type { SourceCreate, SourceSettings } from '../contract/capture';
import { Invalid } from '../core/errors';
import { seal } from '../secret-box';
import type { Deps } from './deps';

export type CalendarCreate = Extract<SourceCreate, { kind: 'ics' }>;

/** What a calendar source keeps: the address's host in the settings, the address itself sealed. */
export function calendarSettings(
  deps: Deps,
  input: CalendarCreate,
): { settings: Partial<SourceSettings>; secret: string | null } {
  const backfillMonths = input.backfillMonths;
  if (!input.url) {
    if (input.user || input.password) throw new Invalid('a user and password need a calendar address', 'url');
    return { settings: { backfillMonths }, secret: null };
  }
  if (input.password && !input.user) throw new Invalid('a password needs its user', 'user');
  // Google's secret address and Outlook's published link are passwords in themselves: sealed too.
  if (!deps.secretKey)
    throw new Invalid('this server has no key to seal calendar addresses with (set TEND_SECRET)', 'url');
  const url = new URL(httpUrl(input.url));
  const secret = seal(
    deps.secretKey,
    JSON.stringify({ url: input.url, user: input.user, password: input.password }),
  );
  return { settings: { backfillMonths, url: `${url.origin}/…`, user: input.user }, secret };
}
