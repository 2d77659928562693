import { z } from 'zod';
import { CIRCLE_KINDS } from '../core/vocabulary';
import { Cadence, Id, requiredText } from './common';

/** A circle's colour: #rrggbb (the web app offers a small palette), null = none. */
export const CircleColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
  .transform((c) => c.toLowerCase());

export const CircleCreate = z
  .object({
    name: requiredText(100),
    kind: z.enum(CIRCLE_KINDS).default('other'),
    cadence: Cadence.optional().describe("defaults to the kind's usual cadence"),
    color: CircleColor.nullish(),
  })
  .strict();
export type CircleCreate = z.infer<typeof CircleCreate>;

export const CirclePatch = z
  .object({
    name: requiredText(100).optional(),
    kind: z.enum(CIRCLE_KINDS).optional(),
    cadence: Cadence.optional().describe("the default cadence of the circle's contacts"),
    color: CircleColor.nullable().optional().describe('null removes the colour'),
  })
  .strict();
export type CirclePatch = z.infer<typeof CirclePatch>;

export const Circle = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(CIRCLE_KINDS),
  cadence: Cadence,
  color: z.string().nullable(),
  contactCount: z.number().int(),
  createdAt: z.string(),
});
export type Circle = z.infer<typeof Circle>;
export const CircleList = z.object({ items: z.array(Circle) });
