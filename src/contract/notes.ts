import { z } from 'zod';
import { Id, requiredText } from './common';

export const NoteCreate = z
  .object({ body: requiredText(20_000), pinned: z.boolean().default(false) })
  .strict();
export type NoteCreate = z.infer<typeof NoteCreate>;

export const NotePatch = z
  .object({ body: requiredText(20_000).optional(), pinned: z.boolean().optional() })
  .strict();
export type NotePatch = z.infer<typeof NotePatch>;

export const Note = z.object({
  id: Id,
  contactId: Id,
  body: z.string(),
  pinned: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Note = z.infer<typeof Note>;
export const NoteList = z.object({ items: z.array(Note) });
export type NoteList = z.infer<typeof NoteList>;
