import { z } from 'zod';
import { OUTBOX_KINDS, OUTBOX_STATUSES } from '../core/vocabulary';
import { Id } from './common';

export { OUTBOX_STATUSES };

export const OutboxMessage = z.object({
  id: Id,
  kind: z.enum(OUTBOX_KINDS),
  idempotencyKey: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable().describe('when the next try is due (null once sent or failed)'),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
export const OutboxList = z.object({ items: z.array(OutboxMessage) });
