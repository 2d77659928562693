import { z } from 'zod';
import { CHANNELS, DIRECTIONS } from '../core/vocabulary';
import { Id, IsoDateTime, text } from './common';

export const InteractionCreate = z
  .object({
    channel: z.enum(CHANNELS),
    direction: z.enum(DIRECTIONS).describe('outbound = I reached out; inbound = they reached out'),
    occurredAt: IsoDateTime.optional().describe('defaults to now'),
    summary: text(5000).default(''),
    topics: z.array(text(60).min(1)).max(20).default([]),
    awaitingReply: z.boolean().default(false),
  })
  .strict();
export type InteractionCreate = z.infer<typeof InteractionCreate>;

export const InteractionPatch = z
  .object({
    channel: z.enum(CHANNELS).optional(),
    direction: z.enum(DIRECTIONS).optional(),
    occurredAt: IsoDateTime.optional(),
    summary: text(5000).optional(),
    topics: z.array(text(60).min(1)).max(20).optional(),
    awaitingReply: z.boolean().optional(),
  })
  .strict();
export type InteractionPatch = z.infer<typeof InteractionPatch>;

export const Interaction = z.object({
  id: Id,
  contactId: Id,
  channel: z.enum(CHANNELS),
  direction: z.enum(DIRECTIONS),
  occurredAt: z.string(),
  summary: z.string(),
  topics: z.array(z.string()),
  awaitingReply: z.boolean(),
  createdAt: z.string(),
});
export type Interaction = z.infer<typeof Interaction>;
export const InteractionList = z.object({ items: z.array(Interaction) });
