import { z } from 'zod';
import { LIFE_EVENT_KINDS } from '../core/vocabulary';
import { Id, IsoDate, requiredText } from './common';

export const LIFE_EVENT_SOURCES = ['manual', 'import_diff'] as const;

export const LifeEventCreate = z
  .object({ kind: z.enum(LIFE_EVENT_KINDS), title: requiredText(200), occurredOn: IsoDate })
  .strict();
export type LifeEventCreate = z.infer<typeof LifeEventCreate>;

/** PATCH: absent = unchanged; the source stays as it was. */
export const LifeEventPatch = z
  .object({
    kind: z.enum(LIFE_EVENT_KINDS).optional(),
    title: requiredText(200).optional(),
    occurredOn: IsoDate.optional(),
  })
  .strict();
export type LifeEventPatch = z.infer<typeof LifeEventPatch>;

export const LifeEvent = z.object({
  id: Id,
  contactId: Id,
  kind: z.enum(LIFE_EVENT_KINDS),
  title: z.string(),
  occurredOn: z.string(),
  source: z.enum(LIFE_EVENT_SOURCES),
  createdAt: z.string(),
});
export type LifeEvent = z.infer<typeof LifeEvent>;
export const LifeEventList = z.object({ items: z.array(LifeEvent) });
export type LifeEventList = z.infer<typeof LifeEventList>;
