import type { Task, TaskCreate, TaskList, TaskPatch } from '@contract/tasks';
import { useQuery } from '@tanstack/react-query';
import { del, get, patch, post } from '../../api/client';
import { pendingId, useOptimisticList } from '../../api/optimistic-list';
import { queryKeys } from '../../api/query-keys';

export const taskKeys = {
  all: ['tasks'] as const,
  contact: (contactId: string) => [...taskKeys.all, 'contact', contactId] as const,
};
/** Open tasks are a Today reason and show in the brief. */
export const taskRelated = (contactId: string) => [queryKeys.brief(contactId), queryKeys.today];

/** Open first by due date, then the done ones, most recently done first. */
export function taskOrder(items: Task[]): Task[] {
  return [...items].sort((a, b) =>
    a.done !== b.done
      ? Number(a.done) - Number(b.done)
      : a.done
        ? (b.doneAt ?? '').localeCompare(a.doneAt ?? '')
        : a.dueAt.localeCompare(b.dueAt),
  );
}

export function useContactTasks(contactId: string) {
  return useQuery({
    queryKey: taskKeys.contact(contactId),
    queryFn: () => get<TaskList>('/tasks', { contactId }),
    select: (data) => ({ items: taskOrder(data.items) }),
  });
}

export function useAddTask(contactId: string) {
  return useOptimisticList<Task, TaskCreate, Task>({
    key: taskKeys.contact(contactId),
    related: taskRelated(contactId),
    mutationFn: (body) => post<Task>('/tasks', { ...body, contactId }),
    apply: (items, v) => {
      const now = new Date().toISOString();
      return [
        ...items,
        {
          id: pendingId(),
          contactId,
          kind: v.kind ?? 'general',
          title: v.title,
          dueAt: v.dueAt ?? now,
          done: false,
          doneAt: null,
          createdAt: now,
        },
      ];
    },
  });
}

export function usePatchTask(contactId: string) {
  return useOptimisticList<Task, { id: string; body: TaskPatch }, Task>({
    key: taskKeys.contact(contactId),
    related: taskRelated(contactId),
    mutationFn: ({ id, body }) => patch<Task>(`/tasks/${encodeURIComponent(id)}`, body),
    apply: (items, { id, body }) =>
      items.map((t) =>
        t.id === id
          ? {
              ...t,
              ...(body.title !== undefined && { title: body.title }),
              ...(body.dueAt !== undefined && { dueAt: body.dueAt }),
              ...(body.done !== undefined && {
                done: body.done,
                doneAt: body.done ? new Date().toISOString() : null,
              }),
            }
          : t,
      ),
  });
}

export const deleteTask = (id: string) => del(`/tasks/${encodeURIComponent(id)}`);
