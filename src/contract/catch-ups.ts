import { z } from 'zod';
import { CATCH_UP_FORMATS } from '../core/slots';
import { CATCH_UP_STATUSES } from '../core/vocabulary';
import { Id, IsoDateTime, text } from './common';
import { Interaction } from './interactions';

export { CATCH_UP_STATUSES };

export const SlotQuery = z
  .object({
    format: z.enum(CATCH_UP_FORMATS).default('virtual_coffee'),
    days: z.coerce.number().int().min(1).max(60).default(14),
    limit: z.coerce.number().int().min(1).max(50).default(6),
  })
  .strict();
export type SlotQuery = z.infer<typeof SlotQuery>;

export const Slot = z.object({
  startAt: z.string(),
  endAt: z.string(),
  mine: z.string().describe('local wall-clock label in your zone, e.g. "Tue 3 Jun 09:30"'),
  theirs: z.string().describe("the same instant in the contact's zone"),
});
export const SlotList = z.object({
  format: z.enum(CATCH_UP_FORMATS),
  minutes: z.number(),
  myZone: z.string(),
  theirZone: z.string(),
  assumedZone: z
    .boolean()
    .describe('the contact has no time zone, so theirs was taken to be yours; set it for better slots'),
  items: z.array(Slot).describe('empty when your working hours never overlap'),
});
export type SlotList = z.infer<typeof SlotList>;

export const CatchUpCreate = z
  .object({
    format: z.enum(CATCH_UP_FORMATS),
    startAt: IsoDateTime,
    note: text(2000).default(''),
  })
  .strict();
export type CatchUpCreate = z.infer<typeof CatchUpCreate>;

export const CatchUpDone = z
  .object({
    summary: text(5000).default(''),
    topics: z.array(text(60).min(1)).max(20).default([]),
  })
  .strict();
export type CatchUpDone = z.infer<typeof CatchUpDone>;

export const CatchUpQuery = z
  .object({
    upcoming: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('only planned catch-ups that have not ended yet, soonest first'),
    contactId: Id.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type CatchUpQuery = z.infer<typeof CatchUpQuery>;

export const CatchUp = z.object({
  id: Id,
  contactId: Id,
  name: z.string(),
  format: z.enum(CATCH_UP_FORMATS),
  startAt: z.string(),
  endAt: z.string(),
  status: z.enum(CATCH_UP_STATUSES),
  note: z.string(),
  interactionId: Id.nullable(),
  invitationUrl: z.string().describe('GET it (authenticated) for the .ics invitation to send'),
  createdAt: z.string(),
});
export type CatchUp = z.infer<typeof CatchUp>;
export const CatchUpList = z.object({ items: z.array(CatchUp) });
export const CatchUpDoneResult = z.object({ catchUp: CatchUp, interaction: Interaction });
export type CatchUpDoneResult = z.infer<typeof CatchUpDoneResult>;

// The web app reads the domain's words through the contract (@contract/*), never src/core directly.
export type { CatchUpFormat } from '../core/slots';
