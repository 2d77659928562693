import { z } from 'zod';
import { TASK_KINDS } from '../core/vocabulary';
import { Id, IsoDateTime, requiredText } from './common';

export const TaskListQuery = z.object({
  contactId: Id.optional(),
  open: z.string().max(8).pipe(z.stringbool()).optional().describe('true = only tasks not done yet'),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const TaskCreate = z
  .object({
    title: requiredText(300),
    contactId: Id.nullish(),
    kind: z.enum(TASK_KINDS).default('general'),
    dueAt: IsoDateTime.optional().describe('defaults to now'),
  })
  .strict();
export type TaskCreate = z.infer<typeof TaskCreate>;

export const TaskPatch = z
  .object({
    title: requiredText(300).optional(),
    dueAt: IsoDateTime.optional(),
    done: z.boolean().optional().describe('true stamps doneAt; false reopens'),
  })
  .strict();
export type TaskPatch = z.infer<typeof TaskPatch>;

export const Task = z.object({
  id: Id,
  contactId: Id.nullable(),
  kind: z.enum(TASK_KINDS),
  title: z.string(),
  dueAt: z.string(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Task = z.infer<typeof Task>;
export const TaskList = z.object({ items: z.array(Task) });
export type TaskList = z.infer<typeof TaskList>;
