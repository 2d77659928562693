import { z } from 'zod';
import { invalidDay, MAX_LEAD_DAYS } from '../core/important-dates';
import { DATE_KINDS } from '../core/vocabulary';
import { Id, text } from './common';

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
