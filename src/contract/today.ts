import { z } from 'zod';
import { CHANNELS, DATE_KINDS, LIFE_EVENT_KINDS } from '../core/vocabulary';
import { Cadence, Id, IsoDate, IsoDateTime } from './common';
import { InteractionCreate } from './interactions';

const reason = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ kind: z.literal(kind), text: z.string().describe('the reason in plain words'), ...shape });

/** Why a contact is in the queue; `text` says it in words, the other fields say it in data. */
export const TodayReason = z.discriminatedUnion('kind', [
  reason('cadence_due', { daysOver: z.number(), cadence: Cadence }),
  reason('cadence_overdue', { daysOverdue: z.number(), cadence: Cadence }),
  reason('follow_up_due', {
    taskId: Id,
    taskKind: z.enum(['follow_up', 'takeaway']),
    title: z.string(),
    dueAt: z.string(),
  }),
  reason('task_due', { taskId: Id, title: z.string(), dueAt: z.string() }),
  reason('birthday', { inDays: z.number(), turns: z.number().nullable() }),
  reason('anniversary', {
    dateKind: z.enum(DATE_KINDS).exclude(['birthday']),
    inDays: z.number(),
    years: z.number().nullable(),
  }),
  reason('life_event', { eventKind: z.enum(LIFE_EVENT_KINDS), daysAgo: z.number() }),
  reason('retry', { step: z.union([z.literal(1), z.literal(2)]), dueAt: z.string() }),
  reason('resource_match', { detail: z.string(), weight: z.number() }),
  reason('trip', { detail: z.string(), weight: z.number() }),
  reason('introduction', { detail: z.string(), weight: z.number() }),
  reason('holiday', { detail: z.string(), weight: z.number() }),
  reason('role_anniversary', { detail: z.string(), weight: z.number() }),
  reason('meeting', { detail: z.string(), weight: z.number() }),
]);
export type TodayReason = z.infer<typeof TodayReason>;

export const SendWindow = z.object({
  startAt: z.string(),
  endAt: z.string(),
  zone: z.string(),
  localDate: z.string(),
  localStart: z.string(),
  localEnd: z.string(),
  label: z.string(),
});

export const TodayItem = z.object({
  contactId: Id,
  name: z.string(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  score: z.number(),
  headline: z.string(),
  reasons: z.array(TodayReason),
  channel: z.enum(CHANNELS).describe('preferred, else the one that last got a reply, else email'),
  sendWindow: SendWindow.nullable().describe("inside the contact's working hours, in their zone"),
  nextDueAt: z.string().nullable(),
});
export type TodayItem = z.infer<typeof TodayItem>;

export const Today = z.object({
  now: z.string(),
  size: z.number().int(),
  items: z.array(TodayItem),
  more: z.array(TodayItem).describe('the rest, best first (at most 30; moreCount says how many there are)'),
  moreCount: z.number().int(),
});
export type Today = z.infer<typeof Today>;

export const TodayQuery = z.object({
  now: IsoDateTime.optional().describe('what-if: the queue as it would be at this instant'),
  size: z.coerce.number().int().min(1).max(100).optional(),
});
export type TodayQuery = z.infer<typeof TodayQuery>;

export const DoneBody = z
  .object({ log: InteractionCreate.optional().describe('also log the interaction (resets the cadence)') })
  .strict();
export type DoneBody = z.infer<typeof DoneBody>;
export const SnoozeBody = z.object({ until: z.union([IsoDate, IsoDateTime]) }).strict();
export type SnoozeBody = z.infer<typeof SnoozeBody>;
export const Decision = z.object({
  contactId: Id,
  kind: z.enum(['done', 'snooze', 'skip']),
  until: z.string(),
});
export type Decision = z.infer<typeof Decision>;
export const ActionResult = z.object({
  decision: Decision.nullable(),
  loggedInteractionId: Id.nullable(),
  tasksDone: z.number(),
});
export type ActionResult = z.infer<typeof ActionResult>;
