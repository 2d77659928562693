import type { Note } from '@contract/notes';
import { Badge, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatDate } from '../../lib/format';
import { FormButtons, RowActions } from '../../ui/detail-card';
import { EditableListCard, PinToggle } from '../../ui/editable-list-card';
import { fieldError } from '../../ui/field-errors';
import { FormErrorAlert } from '../../ui/form-error-alert';
import { hideFromList, undoableDelete } from '../../ui/undo-delete';
import { deleteNote, noteKeys, noteRelated, useAddNote, useContactNotes, usePatchNote } from './queries';

function NoteForm({
  initial,
  error,
  pending,
  onSubmit,
  onCancel,
}: {
  initial?: Note;
  error: unknown;
  pending: boolean;
  onSubmit: (body: { body: string; pinned: boolean }) => void;
  onCancel: () => void;
}) {
  const [body, setBody] = useState(initial?.body ?? '');
  const [pinned, setPinned] = useState(initial?.pinned ?? false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ body, pinned });
  };
  return (
    <form onSubmit={submit} noValidate onKeyDown={(e) => e.key === 'Escape' && onCancel()} aria-label="Note">
      <Stack gap="xs" mb="sm">
        <FormErrorAlert error={error} shownFields={['body', 'pinned']} />
        <Textarea
          label="Note"
          autosize
          minRows={2}
          maxRows={12}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={fieldError(error, 'body')}
          autoFocus
        />
        <Checkbox label="Pin" checked={pinned} onChange={(e) => setPinned(e.currentTarget.checked)} />
        <FormButtons pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** F8 free-form notes, pinned first; they also show on the timeline. */
export function NotesCard({ contactId }: { contactId: string }) {
  const notes = useContactNotes(contactId);
  const add = useAddNote(contactId);
  const edit = usePatchNote(contactId);
  const client = useQueryClient();

  const remove = (n: Note) =>
    undoableDelete({
      client,
      what: 'Note',
      keys: [noteKeys.contact(contactId), ...noteRelated(contactId)],
      hide: hideFromList(client, noteKeys.contact(contactId), n.id),
      remove: () => deleteNote(n.id),
    });

  return (
    <EditableListCard
      title="Notes"
      addLabel="Add note"
      empty="No notes yet."
      query={notes}
      add={add}
      edit={edit}
      Form={NoteForm}
      row={(n, i, startEdit) => (
        <Group key={n.id} component="li" justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {formatDate(n.updatedAt)}
              </Text>
              {n.pinned && (
                <Badge size="xs" variant="light" color="yellow" tt="none">
                  Pinned
                </Badge>
              )}
            </Group>
            <Text size="sm" className="tend-wrap" style={{ whiteSpace: 'pre-wrap' }}>
              {n.body}
            </Text>
          </Stack>
          <RowActions name={`note ${i + 1}`} onEdit={startEdit} onDelete={() => remove(n)}>
            <PinToggle
              pinned={n.pinned}
              name={`note ${i + 1}`}
              onToggle={() => edit.mutate({ id: n.id, body: { pinned: !n.pinned } })}
            />
          </RowActions>
        </Group>
      )}
    />
  );
}
