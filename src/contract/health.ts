import { z } from 'zod';
import { Cadence, Id } from './common';

export const Health = z.object({
  contactId: Id,
  score: z.number().int().min(0).max(100),
  parts: z.object({
    recency: z.number(),
    reciprocity: z.number(),
    responsiveness: z.number(),
    depth: z.number(),
  }),
  explanation: z.string(),
  oneSided: z.object({
    flagged: z.boolean(),
    initiatedShare: z.number(),
    unanswered: z.number(),
    suggestions: z.array(z.enum(['slow_cadence', 'try_different_value', 'let_fade'])),
    sentence: z.string().nullable(),
  }),
});
export type Health = z.infer<typeof Health>;

export const Capacity = z.object({
  touchesPerWeek: z.number().describe('cadences plus the weekly share of holiday touches'),
  holidayTouchesPerYear: z
    .number()
    .int()
    .describe('extra touches a year the holidays chosen in Settings add'),
  budget: z.number(),
  over: z.boolean(),
  afterMoves: z.number(),
  /** Whether applying every move lands at or under the budget. */
  fits: z.boolean(),
  moves: z.array(
    z.object({ contactId: Id, name: z.string(), from: Cadence, to: Cadence, savedPerWeek: z.number() }),
  ),
  shortfall: z
    .object({ tracked: z.number().int(), floorPerWeek: z.number(), untrackToFit: z.number().int() })
    .nullable()
    .describe('set when even every tracked contact on a yearly cadence is over the budget'),
  circles: z
    .array(
      z.object({
        circleId: Id.nullable(),
        name: z.string(),
        contacts: z.number().int(),
        touchesPerWeek: z.number(),
      }),
    )
    .describe('tracked contacts and their touches per week, per circle (null: in no circle)'),
});
export type Capacity = z.infer<typeof Capacity>;
