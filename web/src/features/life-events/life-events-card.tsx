import type { LifeEvent } from '@contract/life-events';
import { LIFE_EVENT_KINDS, type LifeEventKind } from '@contract/vocabulary';
import { Badge, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { choiceOf } from '../../lib/choice';
import { formatDate, humanize } from '../../lib/format';
import { FormButtons, RowActions } from '../../ui/detail-card';
import { EditableListCard } from '../../ui/editable-list-card';
import { fieldError } from '../../ui/field-errors';
import { FormErrorAlert } from '../../ui/form-error-alert';
import { hideFromList, undoableDelete } from '../../ui/undo-delete';
import {
  deleteLifeEvent,
  lifeEventKeys,
  lifeEventRelated,
  useAddLifeEvent,
  useContactLifeEvents,
  usePatchLifeEvent,
} from './queries';

const KIND_OPTIONS = LIFE_EVENT_KINDS.map((k) => ({ value: k, label: humanize(k) }));

function LifeEventForm({
  initial,
  error,
  pending,
  onSubmit,
  onCancel,
}: {
  /** The event being edited; absent when adding one. */
  initial?: LifeEvent;
  error: unknown;
  pending: boolean;
  onSubmit: (body: { kind: LifeEventKind; title: string; occurredOn: string }) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<LifeEventKind>(initial?.kind ?? 'promotion');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [on, setOn] = useState(() => initial?.occurredOn ?? new Date().toISOString().slice(0, 10));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ kind, title, occurredOn: on });
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      aria-label={initial ? 'Edit life event' : 'Life event'}
    >
      <Stack gap="xs" mb="sm">
        <FormErrorAlert error={error} shownFields={['kind', 'title', 'occurredOn']} />
        <Group grow align="flex-start" wrap="wrap" gap="xs">
          <Select
            label="Kind"
            data={KIND_OPTIONS}
            value={kind}
            allowDeselect={false}
            onChange={(v) => setKind(choiceOf(LIFE_EVENT_KINDS, v) ?? 'other')}
            error={fieldError(error, 'kind')}
            miw={140}
          />
          <TextInput
            label="When"
            type="date"
            value={on}
            onChange={(e) => setOn(e.currentTarget.value)}
            error={fieldError(error, 'occurredOn')}
            miw={140}
          />
        </Group>
        <TextInput
          label="What happened"
          placeholder="e.g. Promoted to VP Engineering"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={fieldError(error, 'title')}
          required
          autoFocus
        />
        <FormButtons pending={pending} onCancel={onCancel} save={initial ? 'Save changes' : 'Save'} />
      </Stack>
    </form>
  );
}

/** F10 life events and wins: each a reason on Today to congratulate or support. */
export function LifeEventsCard({ contactId }: { contactId: string }) {
  const events = useContactLifeEvents(contactId);
  const add = useAddLifeEvent(contactId);
  const edit = usePatchLifeEvent(contactId);
  const client = useQueryClient();

  const remove = (e: LifeEvent) =>
    undoableDelete({
      client,
      what: 'Life event',
      keys: [lifeEventKeys.contact(contactId), ...lifeEventRelated(contactId)],
      hide: hideFromList(client, lifeEventKeys.contact(contactId), e.id),
      remove: () => deleteLifeEvent(e.id),
    });

  return (
    <EditableListCard
      title="Life events"
      addLabel="Add event"
      empty="No promotions, moves or news recorded."
      query={events}
      add={add}
      edit={edit}
      Form={LifeEventForm}
      row={(e, _i, startEdit) => (
        <Group key={e.id} component="li" justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {humanize(e.kind)}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDate(e.occurredOn)}
              </Text>
              {e.source === 'import_diff' && (
                <Badge size="xs" variant="default" tt="none">
                  from import
                </Badge>
              )}
            </Group>
            <Text size="sm" className="tend-wrap">
              {e.title}
            </Text>
          </Stack>
          <RowActions name={`${humanize(e.kind)} ${e.title}`} onEdit={startEdit} onDelete={() => remove(e)} />
        </Group>
      )}
    />
  );
}
