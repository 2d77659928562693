import { z } from 'zod';
import { CARD_FIELD_NAMES, CARDDAV_CONFLICT_KINDS } from '../core/vocabulary';
import { Id, requiredText } from './common';

export { CARD_FIELD_NAMES };

const HttpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
  .max(2000)
  .describe('a server root (discovered through /.well-known/carddav) or the address book itself');

const Credentials = {
  url: HttpUrl,
  user: requiredText(255),
  password: z.string().min(1).max(1000).describe('an app password; stored encrypted, never shown again'),
};

export const CarddavDiscover = z.object(Credentials).strict();
export type CarddavDiscover = z.infer<typeof CarddavDiscover>;

export const CarddavBook = z.object({ url: z.string(), name: z.string() });
export const CarddavBookList = z.object({ items: z.array(CarddavBook) });

export const SubscriptionCreate = z
  .object({
    ...Credentials,
    name: requiredText(100).optional().describe("defaults to the address book's own name"),
    pushNew: z
      .boolean()
      .default(false)
      .describe('also write contacts created in Tend from now on into this address book'),
  })
  .strict();
export type SubscriptionCreate = z.infer<typeof SubscriptionCreate>;

export const SubscriptionPatch = z
  .object({ name: requiredText(100).optional(), pushNew: z.boolean().optional() })
  .strict();
export type SubscriptionPatch = z.infer<typeof SubscriptionPatch>;

export const Subscription = z.object({
  id: Id,
  name: z.string(),
  url: z.string().describe('the address book'),
  user: z.string(),
  pushNew: z.boolean(),
  syncCollection: z.boolean().describe('the book offers sync tokens (RFC 6578); else ETags are compared'),
  pulled: z.number().int().describe('cards taken in by the last sync'),
  pushed: z.number().int().describe('cards written to the book by the last sync'),
  conflicts: z.number().int().describe('cards waiting for a choice'),
  syncing: z.boolean(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable().describe('the last failure in words'),
  createdAt: z.string(),
});
export type Subscription = z.infer<typeof Subscription>;
export const SubscriptionList = z.object({ items: z.array(Subscription) });

export const CarddavRun = z.object({
  pulled: z.number().int().describe('cards created or updated in Tend'),
  pushed: z.number().int().describe('cards written to the address book'),
  deleted: z.number().int().describe('cards deleted remotely (their contacts deleted or untracked)'),
  conflicts: z.number().int().describe('cards listed for a choice'),
  errors: z.array(z.string()).describe('cards that could not be read, in words'),
});
export type CarddavRun = z.infer<typeof CarddavRun>;

export const ConflictField = z.object({
  field: z.enum(CARD_FIELD_NAMES),
  tend: z.unknown(),
  remote: z.unknown(),
});
export type ConflictField = z.infer<typeof ConflictField>;

export const CarddavConflict = z.object({
  id: Id,
  subscriptionId: Id,
  kind: z.enum(CARDDAV_CONFLICT_KINDS),
  href: z.string(),
  contactId: Id.describe('the matched contact (match) or the linked one (fields)'),
  contactName: z.string(),
  cardName: z.string(),
  reason: z.string(),
  fields: z.array(ConflictField).describe('fields: what each side has now'),
  createdAt: z.string(),
});
export type CarddavConflict = z.infer<typeof CarddavConflict>;
export const CarddavConflictList = z.object({ items: z.array(CarddavConflict) });

export const ConflictResolve = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('match'),
      action: z
        .enum(['link', 'create', 'ignore'])
        .describe('link: the same person (the card updates the contact); create: a person of their own'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('fields'),
      pick: z.partialRecord(z.enum(CARD_FIELD_NAMES), z.enum(['tend', 'remote'])).default({}),
    })
    .strict(),
]);
export type ConflictResolve = z.infer<typeof ConflictResolve>;
