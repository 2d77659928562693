import { z } from 'zod';
import { RESOURCE_KINDS } from '../core/resource-match';
import { CHANNELS } from '../core/vocabulary';
import { Id, requiredText, text } from './common';
import { Interaction } from './interactions';

// Only web addresses: a resource link is opened by the user and pasted into messages.
const WebUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000);
const Tags = z.array(requiredText(60)).max(20);

export const ResourceCreate = z
  .object({
    kind: z.enum(RESOURCE_KINDS),
    title: requiredText(300),
    url: WebUrl.nullable().default(null),
    note: text(5000).default(''),
    tags: Tags.default([]),
  })
  .strict();
export type ResourceCreate = z.infer<typeof ResourceCreate>;

export const ResourcePatch = z
  .object({
    kind: z.enum(RESOURCE_KINDS).optional(),
    title: requiredText(300).optional(),
    url: WebUrl.nullable().optional(),
    note: text(5000).optional(),
    tags: Tags.optional(),
  })
  .strict();
export type ResourcePatch = z.infer<typeof ResourcePatch>;

export const ResourceQuery = z
  .object({
    kind: z.enum(RESOURCE_KINDS).optional(),
    tag: text(60).optional().describe('only resources with this tag (case-insensitive)'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ResourceQuery = z.infer<typeof ResourceQuery>;

export const Resource = z.object({
  id: Id,
  kind: z.enum(RESOURCE_KINDS),
  title: z.string(),
  url: z.string().nullable(),
  note: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
});
export type Resource = z.infer<typeof Resource>;
export const ResourceList = z.object({ items: z.array(Resource) });

export const ResourceMatch = z.object({
  contactId: Id,
  name: z.string(),
  score: z.number(),
  matched: z.array(z.string()).describe('the resource words that matched, most telling first'),
  shared: z.boolean().describe('this contact already received this resource'),
});
export type ResourceMatch = z.infer<typeof ResourceMatch>;
export const ResourceMatchList = z.object({ items: z.array(ResourceMatch) });

export const ContactResource = z.object({
  resource: Resource,
  score: z.number(),
  matched: z.array(z.string()),
  shared: z.boolean(),
});
export type ContactResource = z.infer<typeof ContactResource>;
export const ContactResourceList = z.object({ items: z.array(ContactResource) });

export const ResourceShare = z.object({ contactId: Id, channel: z.enum(CHANNELS) }).strict();
export type ResourceShare = z.infer<typeof ResourceShare>;

export const ResourceShared = z.object({
  interaction: Interaction,
  ledgerEntryId: Id.nullable().describe('null when this install has no give/ask ledger yet'),
});
export type ResourceShared = z.infer<typeof ResourceShared>;

// The web app reads the domain's words through the contract (@contract/*), never src/core directly.
export type { ResourceKind } from '../core/resource-match';
