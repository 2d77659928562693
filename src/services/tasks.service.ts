import type { Task, TaskCreate, TaskListQuery, TaskPatch } from '../contract/tasks';
import { Invalid, NotFound } from '../core/errors';
import { findContact } from '../store/contacts.repo';
import { deleteTask, findTask, insertTask, listTasks, type TaskRow, updateTask } from '../store/tasks.repo';
import { type Deps, nowIso } from './deps';

export function toTaskDto(r: TaskRow): Task {
  return {
    id: r.id,
    contactId: r.contact_id,
    kind: r.kind,
    title: r.title,
    dueAt: r.due_at,
    done: r.done_at !== null,
    doneAt: r.done_at,
    createdAt: r.created_at,
  };
}

const iso = (s: string) => new Date(s).toISOString();

/** Tasks by due date; another account's contact id simply matches nothing. */
export async function listTaskItems(deps: Deps, accountId: string, query: TaskListQuery): Promise<Task[]> {
  return (await listTasks(deps.store.read, accountId, query)).map(toTaskDto);
}

export async function createTask(deps: Deps, accountId: string, input: TaskCreate): Promise<Task> {
  return deps.store.transaction(async (trx) => {
    if (input.contactId && !(await findContact(trx, accountId, input.contactId)))
      throw new Invalid('no such contact', 'contactId');
    const now = nowIso(deps);
    const row = {
      account_id: accountId,
      id: deps.newId(),
      contact_id: input.contactId ?? null,
      kind: input.kind,
      title: input.title,
      due_at: input.dueAt ? iso(input.dueAt) : now,
      done_at: null,
      created_at: now,
    };
    await insertTask(trx, row);
    return toTaskDto(row);
  });
}

/** `done: true` stamps the time it was done (kept if already done); `done: false` reopens. */
export async function patchTask(deps: Deps, accountId: string, id: string, patch: TaskPatch): Promise<Task> {
  return deps.store.transaction(async (trx) => {
    const row = await findTask(trx, accountId, id);
    if (!row) throw new NotFound('task not found');
    const values: Partial<TaskRow> = {
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.dueAt !== undefined && { due_at: iso(patch.dueAt) }),
      ...(patch.done !== undefined && { done_at: patch.done ? (row.done_at ?? nowIso(deps)) : null }),
    };
    if (Object.keys(values).length) await updateTask(trx, accountId, id, values);
    return toTaskDto({ ...row, ...values });
  });
}

export async function removeTask(deps: Deps, accountId: string, id: string): Promise<void> {
  if ((await deleteTask(deps.store.read, accountId, id)) === 0) throw new NotFound('task not found');
}
