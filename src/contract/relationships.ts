import { z } from 'zod';
import { RELATIONSHIP_KINDS } from '../core/vocabulary';
import { Id, text } from './common';

export const RelationshipCreate = z
  .object({
    kind: z
      .enum(RELATIONSHIP_KINDS)
      .describe('what otherId is to this contact: their spouse, their manager, who introduced them…'),
    otherId: Id.describe('the related contact'),
    note: text(500).nullish(),
  })
  .strict();
export type RelationshipCreate = z.infer<typeof RelationshipCreate>;

export const RelationshipPatch = z
  .object({
    kind: z.enum(RELATIONSHIP_KINDS).optional(),
    reverse: z
      .boolean()
      .optional()
      .describe(
        'true swaps the two ends, e.g. the manager becomes the direct report; ignored for spouse, partner, colleague, knows',
      ),
    note: text(500).nullish(),
  })
  .strict();
export type RelationshipPatch = z.infer<typeof RelationshipPatch>;

/** One relationship as seen from one contact's page. */
export const Relationship = z.object({
  id: Id,
  kind: z.enum(RELATIONSHIP_KINDS),
  /** The contact the row was filed on; `other` is `kind` to them. */
  contactId: Id,
  otherId: Id,
  /** What `person` is to the page's contact, in words: "Manager", "Direct report", "Introduced by"… */
  label: z.string(),
  person: z.object({
    id: Id,
    displayName: z.string(),
    company: z.string().nullable(),
    lastInteractionAt: z.string().nullable(),
  }),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Relationship = z.infer<typeof Relationship>;

export const RelationshipList = z.object({
  items: z.array(Relationship),
  /**
   * Warm paths to this contact: the people they are related to whom you are in touch with,
   * most recently contacted first; any of them could introduce you.
   */
  introducers: z.array(
    z.object({ id: Id, displayName: z.string(), label: z.string(), lastInteractionAt: z.string() }),
  ),
});
export type RelationshipList = z.infer<typeof RelationshipList>;
