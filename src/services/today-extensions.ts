import { holidayTodayReasons } from './holidays.today';
import { introductionsToday } from './introductions.service';
import { resourceTodayReasons } from './resources.today';
import { roleAnniversaryReasons } from './role-anniversaries.today';
import { registerTodayExtension } from './today.service';
import { tripTodayReasons } from './trips.service';

/*
 * Every feature's Today reasons, registered once. server/app.ts imports this module for its effect;
 * today.service cannot, because the features import registerTodayExtension from it (an import cycle
 * would reach the registry before it exists). Add one line per feature.
 */
registerTodayExtension(resourceTodayReasons);
registerTodayExtension(introductionsToday);
registerTodayExtension(tripTodayReasons);
registerTodayExtension(holidayTodayReasons);
registerTodayExtension(roleAnniversaryReasons);
