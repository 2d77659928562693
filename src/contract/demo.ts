import { z } from 'zod';

/** What the demo network added to the account. */
export const DemoSummary = z.object({
  contacts: z.number().int(),
  interactions: z.number().int(),
  notes: z.number().int(),
  facts: z.number().int(),
  dates: z.number().int(),
  lifeEvents: z.number().int(),
  tasks: z.number().int(),
});
export type DemoSummary = z.infer<typeof DemoSummary>;
