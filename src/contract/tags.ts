import { z } from 'zod';
import { Id } from './common';

export const Tag = z.object({ id: Id, name: z.string(), contactCount: z.number().int() });
export type Tag = z.infer<typeof Tag>;
export const TagList = z.object({ items: z.array(Tag) });
