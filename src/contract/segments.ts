import { z } from 'zod';
import { Id, Limit, requiredText } from './common';
import { ContactFilter } from './contacts';

export const SegmentCreate = z.object({ name: requiredText(100), filter: ContactFilter.strict() }).strict();
export type SegmentCreate = z.infer<typeof SegmentCreate>;

export const Segment = z.object({ id: Id, name: z.string(), filter: ContactFilter, createdAt: z.string() });
export type Segment = z.infer<typeof Segment>;
export const SegmentList = z.object({ items: z.array(Segment) });
export type SegmentList = z.infer<typeof SegmentList>;

export const SegmentContactsQuery = z.object({ cursor: z.string().max(500).optional(), limit: Limit });
