import type { ExtensionReason, TodayContext } from '../core/today-reasons';
import type { Deps } from './deps';
import { holidayTodayReasons } from './holidays.today';
import { introductionsToday } from './introductions.service';
import { meetingTodayReasons } from './meetings.today';
import { resourceTodayReasons } from './resources.today';
import { roleAnniversaryReasons } from './role-anniversaries.today';
import { tripTodayReasons } from './trips.service';

/**
 * A feature that adds its own reasons to Today (F12 introductions, F13 resources, F25 trips). Called
 * without a context (the benchmark, a feature's own tests), an extension reads what it needs itself.
 */
export type TodayExtension = (
  deps: Deps,
  accountId: string,
  now: string,
  context?: TodayContext,
) => Promise<ExtensionReason[]>;

/**
 * Every feature's Today reasons, in one list that today.service reads: the server, the digest, the
 * feed and the benchmark all rank with the same extensions. Add one entry per feature.
 */
export const TODAY_EXTENSIONS: readonly TodayExtension[] = [
  resourceTodayReasons,
  introductionsToday,
  tripTodayReasons,
  holidayTodayReasons,
  roleAnniversaryReasons,
  meetingTodayReasons,
];
