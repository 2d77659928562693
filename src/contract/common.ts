import { IANAZone } from 'luxon';
import { z } from 'zod';
import { CADENCE_UNITS, NAMED_CADENCE_KINDS } from '../core/vocabulary';

export const Id = z.string().min(1).max(64).describe('UUIDv7');
export const IdParams = z.object({ id: Id });

/** Trimmed text; `max` guards against megabyte-sized names. */
export const text = (max = 200) => z.string().trim().max(max);
export const requiredText = (max = 200) => z.string().trim().min(1, 'must not be empty').max(max);

export const IsoDateTime = z.iso.datetime({ offset: true }).describe('ISO-8601 date-time');
export const IsoDate = z.iso.date().describe('YYYY-MM-DD');

// The longest IANA name is 32 characters; the cap keeps a megabyte string out of the zone lookup.
export const TimeZone = z
  .string()
  .max(64)
  .refine((v) => IANAZone.isValidZone(v), {
    message: 'unknown time zone (use an IANA name like Europe/Paris)',
  });

export const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

export const WorkingHours = z
  .object({
    start: HourMinute,
    end: HourMinute,
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  })
  .refine((w) => w.start < w.end, { message: 'start must be before end', path: ['end'] });

export const Cadence = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(NAMED_CADENCE_KINDS) }),
  z.object({
    kind: z.literal('custom'),
    every: z.number().int().min(1).max(1000),
    unit: z.enum(CADENCE_UNITS),
  }),
]);

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/** Cursor pages: pass nextCursor back as `cursor` for the next page; null at the end. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const Limit = z.coerce.number().int().min(1).max(500).default(50);
