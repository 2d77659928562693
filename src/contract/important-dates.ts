import { z } from 'zod';
import { MAX_LEAD_DAYS } from '../core/important-dates';
import { DATE_KINDS, type DateKind } from '../core/vocabulary';
import { Id, text } from './common';

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Why a month/day[/year] is not a calendar date, or null. Feb 29 is fine without a year (it recurs). */
export function invalidDay(month: number, day: number, year: number | null | undefined): string | null {
  const max = MONTH_DAYS[month - 1] ?? 31;
  if (day > max) return `month ${month} has no day ${day}`;
  if (
    year != null &&
    month === 2 &&
    day === 29 &&
    !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))
  )
    return `${year} is not a leap year, so it has no 29 February`;
  return null;
}

/** Birthdays get a week's notice (time for a card); other dates three days. */
export function defaultLeadDays(kind: DateKind): number {
  return kind === 'birthday' ? 7 : 3;
}

const fields = {
  kind: z.enum(DATE_KINDS),
  label: text(100).nullish(),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  year: z.number().int().min(1900).max(2200).nullish().describe('omit for a birthday without a year'),
  leadDays: z
    .number()
    .int()
    .min(0)
    .max(MAX_LEAD_DAYS)
    .optional()
    .describe('default 7 for birthdays, 3 otherwise'),
};

export const ImportantDateCreate = z
  .object(fields)
  .strict()
  .superRefine((v, ctx) => {
    const why = invalidDay(v.month, v.day, v.year);
    if (why) ctx.addIssue({ code: 'custom', path: ['day'], message: why });
  });
export type ImportantDateCreate = z.infer<typeof ImportantDateCreate>;

/** PATCH: month/day/year are checked against the stored date in the service. */
export const ImportantDatePatch = z
  .object({
    kind: fields.kind.optional(),
    label: fields.label,
    month: fields.month.optional(),
    day: fields.day.optional(),
    year: fields.year,
    leadDays: fields.leadDays,
  })
  .strict();
export type ImportantDatePatch = z.infer<typeof ImportantDatePatch>;

export const ImportantDate = z.object({
  id: Id,
  contactId: Id,
  kind: z.enum(DATE_KINDS),
  label: z.string().nullable(),
  month: z.number().int(),
  day: z.number().int(),
  year: z.number().int().nullable(),
  leadDays: z.number().int(),
  createdAt: z.string(),
});
export type ImportantDate = z.infer<typeof ImportantDate>;
export const ImportantDateList = z.object({ items: z.array(ImportantDate) });
export type ImportantDateList = z.infer<typeof ImportantDateList>;
