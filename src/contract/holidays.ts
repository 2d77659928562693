import { z } from 'zod';
import { MAX_LEAD_DAYS } from '../core/important-dates';
import { HOLIDAY_KINDS } from '../core/vocabulary';
import { Id } from './common';

/** F9: which holidays count for one circle's tracked contacts, and how many days ahead they show. */
export const HolidayCircleSetting = z
  .object({
    circleId: Id,
    kinds: z
      .array(z.enum(HOLIDAY_KINDS))
      .max(HOLIDAY_KINDS.length)
      .describe('empty = no holidays for this circle'),
    leadDays: z.number().int().min(0).max(MAX_LEAD_DAYS).default(3),
  })
  .strict();
export type HolidayCircleSetting = z.infer<typeof HolidayCircleSetting>;

export const HolidaySettingsBody = z
  .object({
    circles: z
      .array(HolidayCircleSetting)
      .max(500)
      .refine(
        (list) => new Set(list.map((c) => c.circleId)).size === list.length,
        'each circle at most once',
      ),
  })
  .strict();
export type HolidaySettingsBody = z.infer<typeof HolidaySettingsBody>;

export const HolidaySettings = z.object({
  circles: z.array(
    z.object({
      circleId: Id,
      kinds: z.array(z.enum(HOLIDAY_KINDS)),
      leadDays: z.number().int(),
      /** Tracked contacts of the circle with a known holiday country. */
      contacts: z.number().int(),
      /** Holiday reminders those contacts bring this year (F3). */
      touchesPerYear: z.number().int(),
    }),
  ),
  touchesPerYear: z.number().int().describe('extra touches a year the chosen holidays add, all circles'),
});
export type HolidaySettings = z.infer<typeof HolidaySettings>;
