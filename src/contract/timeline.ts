import { z } from 'zod';
import { Interaction } from './interactions';
import { LifeEvent } from './life-events';
import { Note } from './notes';

/** One entry of a contact's timeline; `at` is the instant it is sorted by (newest first). */
export const TimelineEntry = z.discriminatedUnion('type', [
  Interaction.extend({ type: z.literal('interaction'), at: z.string() }),
  Note.extend({ type: z.literal('note'), at: z.string() }),
  LifeEvent.extend({ type: z.literal('life_event'), at: z.string() }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;
export const Timeline = z.object({ items: z.array(TimelineEntry) });
