import type { Task } from '@contract/tasks';
import { Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { dayStartIso, formatDate } from '../../lib/format';
import { DetailCard, FormButtons, RowActions } from '../../ui/detail-card';
import { fieldError } from '../../ui/field-errors';
import { FormErrorAlert } from '../../ui/form-error-alert';
import { hideFromList, undoableDelete } from '../../ui/undo-delete';
import { deleteTask, taskKeys, taskRelated, useAddTask, useContactTasks, usePatchTask } from './queries';

function TaskForm({
  initial,
  error,
  pending,
  onSubmit,
  onCancel,
}: {
  initial?: Task;
  error: unknown;
  pending: boolean;
  onSubmit: (body: { title: string; dueAt?: string }) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(initial?.title ?? '');
  const [due, setDue] = useState(initial?.dueAt.slice(0, 10) ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const dueAt = due ? dayStartIso(due) : undefined;
    onSubmit({ title, ...(dueAt && { dueAt }) });
  };
  return (
    <form onSubmit={submit} noValidate onKeyDown={(e) => e.key === 'Escape' && onCancel()} aria-label="Task">
      <Stack gap="xs" mb="sm">
        <FormErrorAlert error={error} shownFields={['title', 'dueAt']} />
        <Group grow align="flex-start" wrap="wrap" gap="xs">
          <TextInput
            label="Task"
            placeholder="e.g. Send her the COBOL paper"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError(error, 'title')}
            required
            autoFocus
            miw={200}
          />
          <TextInput
            label="Due"
            description="empty = today"
            type="date"
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
            error={fieldError(error, 'dueAt')}
            maw={180}
          />
        </Group>
        <FormButtons pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** F6 tasks and follow-ups for this person: tick to mark done (and untick to reopen). */
export function TasksCard({ contactId }: { contactId: string }) {
  const tasks = useContactTasks(contactId);
  const add = useAddTask(contactId);
  const edit = usePatchTask(contactId);
  const client = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);

  const remove = (t: Task) =>
    undoableDelete({
      client,
      what: 'Task',
      keys: [taskKeys.contact(contactId), ...taskRelated(contactId)],
      hide: hideFromList(client, taskKeys.contact(contactId), t.id),
      remove: () => deleteTask(t.id),
    });

  return (
    <DetailCard
      title="Tasks"
      addLabel="Add task"
      onAdd={() => {
        add.reset();
        setAdding(true);
      }}
      query={tasks}
      empty="Nothing to do for them."
      adding={
        adding && (
          <TaskForm
            error={add.error}
            pending={add.isPending}
            onCancel={() => setAdding(false)}
            onSubmit={(body) =>
              add.mutate({ ...body, kind: 'general' }, { onSuccess: () => setAdding(false) })
            }
          />
        )
      }
    >
      {(tasks.data?.items ?? []).map((t) =>
        editing === t.id ? (
          <li key={t.id}>
            <TaskForm
              initial={t}
              error={edit.error}
              pending={edit.isPending}
              onCancel={() => setEditing(null)}
              onSubmit={(body) => edit.mutate({ id: t.id, body }, { onSuccess: () => setEditing(null) })}
            />
          </li>
        ) : (
          <Group key={t.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
            <Checkbox
              checked={t.done}
              onChange={(e) => edit.mutate({ id: t.id, body: { done: e.currentTarget.checked } })}
              label={
                <Stack gap={0}>
                  <Text
                    size="sm"
                    td={t.done ? 'line-through' : undefined}
                    c={t.done ? 'dimmed' : undefined}
                    className="tend-wrap"
                  >
                    {t.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t.done ? `Done ${formatDate(t.doneAt)}` : `Due ${formatDate(t.dueAt)}`}
                  </Text>
                </Stack>
              }
              aria-label={`${t.title}: ${t.done ? 'done' : 'open'}`}
            />
            <RowActions
              name={`task ${t.title}`}
              onEdit={() => {
                edit.reset();
                setEditing(t.id);
              }}
              onDelete={() => remove(t)}
            />
          </Group>
        ),
      )}
    </DetailCard>
  );
}
