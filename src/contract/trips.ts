import { z } from 'zod';
import { TRIP_KINDS } from '../core/trips';
import { Id, IsoDate, requiredText } from './common';

const endsAfterStart = (t: { startsOn?: string | undefined; endsOn?: string | undefined }) =>
  !t.startsOn || !t.endsOn || t.endsOn >= t.startsOn;
const endsMessage = { message: 'must be on or after startsOn', path: ['endsOn'] };

export const TripCreate = z
  .object({
    name: requiredText(200).optional().describe('default: the city'),
    city: requiredText(120),
    country: requiredText(120).nullable().default(null),
    startsOn: IsoDate,
    endsOn: IsoDate,
    kind: z.enum(TRIP_KINDS).default('trip'),
  })
  .strict()
  .refine(endsAfterStart, endsMessage);
export type TripCreate = z.infer<typeof TripCreate>;

export const TripPatch = z
  .object({
    name: requiredText(200).optional(),
    city: requiredText(120).optional(),
    country: requiredText(120).nullable().optional(),
    startsOn: IsoDate.optional(),
    endsOn: IsoDate.optional(),
    kind: z.enum(TRIP_KINDS).optional(),
  })
  .strict()
  .refine(endsAfterStart, endsMessage);
export type TripPatch = z.infer<typeof TripPatch>;

export const TripQuery = z
  .object({
    upcoming: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe("only trips that have not ended yet (in the account's zone)"),
  })
  .strict();
export type TripQuery = z.infer<typeof TripQuery>;

export const Trip = z.object({
  id: Id,
  name: z.string(),
  city: z.string(),
  country: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  kind: z.enum(TRIP_KINDS),
  createdAt: z.string(),
});
export type Trip = z.infer<typeof Trip>;
export const TripList = z.object({ items: z.array(Trip) });

export const TripPerson = z.object({
  contactId: Id,
  name: z.string(),
  company: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  circleId: Id.nullable(),
  lastMeaningfulAt: z.string().nullable(),
  tracked: z.boolean(),
});
export type TripPerson = z.infer<typeof TripPerson>;
export const TripPeople = z.object({
  trip: Trip,
  items: z.array(TripPerson).describe('closer circles first, then the longest since you last talked'),
});
export type TripPeople = z.infer<typeof TripPeople>;

// The web app reads the domain's words through the contract (@contract/*), never src/core directly.
export type { TripKind } from '../core/trips';
