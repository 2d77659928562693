import { z } from 'zod';
import { FACT_KINDS } from '../core/vocabulary';
import { Id, requiredText, text } from './common';

export const FactCreate = z
  .object({
    kind: z.enum(FACT_KINDS),
    label: text(100).default('').describe('e.g. "daughter", "sport"'),
    value: requiredText(1000),
    pinned: z.boolean().default(false),
  })
  .strict();
export type FactCreate = z.infer<typeof FactCreate>;

export const FactPatch = z
  .object({
    kind: z.enum(FACT_KINDS).optional(),
    label: text(100).optional(),
    value: requiredText(1000).optional(),
    pinned: z.boolean().optional(),
  })
  .strict();
export type FactPatch = z.infer<typeof FactPatch>;

export const Fact = z.object({
  id: Id,
  contactId: Id,
  kind: z.enum(FACT_KINDS),
  label: z.string(),
  value: z.string(),
  pinned: z.boolean(),
  createdAt: z.string(),
});
export type Fact = z.infer<typeof Fact>;
export const FactList = z.object({ items: z.array(Fact) });
export type FactList = z.infer<typeof FactList>;
