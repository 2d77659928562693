import { z } from 'zod';
import { Cadence, Id, requiredText } from './common';

/** What a bulk action changes on every chosen contact; at least one field. */
export const ContactsBulkSet = z
  .object({
    circleId: Id.nullable().optional().describe('null: no circle'),
    cadence: Cadence.nullable().optional().describe("null: follow the circle's default cadence"),
    addTag: requiredText(50).optional(),
    removeTag: requiredText(50).optional(),
    tracked: z.boolean().optional(),
  })
  .strict()
  .refine((s) => Object.values(s).some((v) => v !== undefined), {
    message: 'set at least one of circleId, cadence, addTag, removeTag, tracked',
  });

export const ContactsBulk = z
  .object({
    ids: z
      .array(Id)
      .min(1, 'choose at least one contact')
      .max(5000, 'at most 5,000 contacts at a time')
      .refine((ids) => new Set(ids).size === ids.length, { message: 'the same contact twice' }),
    set: ContactsBulkSet,
  })
  .strict();
export type ContactsBulk = z.infer<typeof ContactsBulk>;

export const ContactsBulkResult = z.object({ updated: z.number().int() });
export type ContactsBulkResult = z.infer<typeof ContactsBulkResult>;
