import { z } from 'zod';
import { CHANNELS, DIRECTIONS } from '../core/vocabulary';
import { Id } from './common';
import { Fact } from './facts';
import { LifeEvent } from './life-events';
import { Note } from './notes';
import { Task } from './tasks';

/** "Before you reach out": what to remember about a contact, on one screen, from one call. */
export const Brief = z.object({
  contactId: Id,
  name: z.string(),
  pinnedFacts: z.array(Fact),
  pinnedNotes: z.array(Note),
  lastTopic: z
    .object({
      interactionId: Id,
      occurredAt: z.string(),
      channel: z.enum(CHANNELS),
      direction: z.enum(DIRECTIONS),
      topics: z.array(z.string()),
      summary: z.string(),
    })
    .nullable()
    .describe('the latest interaction'),
  recentWin: LifeEvent.nullable().describe('the newest life event of the last 30 days'),
  openTasks: z.array(Task),
  health: z.object({
    score: z.number().int().min(0).max(100),
    explanation: z.string(),
    oneSided: z.string().nullable().describe('the suggestion when the relationship is one-sided'),
  }),
  ledger: z
    .object({
      balance: z.number().int(),
      gives: z.number().int(),
      asks: z.number().int(),
      received: z.number().int(),
    })
    .describe('give minus ask: give before you ask'),
});
export type Brief = z.infer<typeof Brief>;
