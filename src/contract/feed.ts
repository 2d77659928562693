import { z } from 'zod';
import { Id, IsoDateTime } from './common';

export const FeedToken = z.object({
  id: Id,
  prefix: z.string().describe('the first characters of the secret, to tell tokens apart'),
  createdAt: z.string(),
});
export type FeedToken = z.infer<typeof FeedToken>;

/** The secret appears in this response only; the server keeps a hash. */
export const CreatedFeedToken = FeedToken.extend({
  token: z.string(),
  path: z.string().describe('subscribe to this path on the server, e.g. https://tend.example/feed/…ics'),
});
export type CreatedFeedToken = z.infer<typeof CreatedFeedToken>;

export const FeedTokenList = z.object({ items: z.array(FeedToken) });

export const FeedParams = z.object({
  token: z.string().min(1).max(200),
});

export const MEETING_FORMATS = ['virtual_coffee', 'lunch', 'walk', 'conference'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

export const CatchUpQuery = z.object({
  start: IsoDateTime.optional().describe(
    "when it starts, with an offset or Z; default: tomorrow 10:00 in the user's zone",
  ),
  minutes: z.coerce.number().int().min(5).max(480).default(30),
  format: z.enum(MEETING_FORMATS).default('virtual_coffee'),
});
export type CatchUpQuery = z.infer<typeof CatchUpQuery>;
