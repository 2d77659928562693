import type { Fact } from '@contract/facts';
import { FACT_KINDS, type FactKind } from '@contract/vocabulary';
import { Badge, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { choiceOf } from '../../lib/choice';
import { humanize } from '../../lib/format';
import { FormButtons, RowActions } from '../../ui/detail-card';
import { EditableListCard, PinToggle } from '../../ui/editable-list-card';
import { fieldError } from '../../ui/field-errors';
import { FormErrorAlert } from '../../ui/form-error-alert';
import { hideFromList, undoableDelete } from '../../ui/undo-delete';
import { deleteFact, factKeys, factRelated, useAddFact, useContactFacts, usePatchFact } from './queries';

const KIND_OPTIONS = FACT_KINDS.map((k) => ({ value: k, label: humanize(k) }));

function FactForm({
  initial,
  error,
  pending,
  onSubmit,
  onCancel,
}: {
  initial?: Fact;
  error: unknown;
  pending: boolean;
  onSubmit: (body: { kind: FactKind; label: string; value: string; pinned: boolean }) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<FactKind>(initial?.kind ?? 'family');
  const [label, setLabel] = useState(initial?.label ?? '');
  const [value, setValue] = useState(initial?.value ?? '');
  const [pinned, setPinned] = useState(initial?.pinned ?? false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ kind, label: label.trim(), value, pinned });
  };
  return (
    <form onSubmit={submit} noValidate onKeyDown={(e) => e.key === 'Escape' && onCancel()} aria-label="Fact">
      <Stack gap="xs" mb="sm">
        <FormErrorAlert error={error} shownFields={['kind', 'label', 'value', 'pinned']} />
        <Group grow align="flex-start" wrap="wrap" gap="xs">
          <Select
            label="Kind"
            data={KIND_OPTIONS}
            value={kind}
            allowDeselect={false}
            onChange={(v) => setKind(choiceOf(FACT_KINDS, v) ?? 'other')}
            error={fieldError(error, 'kind')}
            miw={140}
          />
          <TextInput
            label="Label"
            placeholder='e.g. "daughter", "sport"'
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={fieldError(error, 'label')}
            miw={140}
          />
        </Group>
        <TextInput
          label="Fact"
          placeholder="e.g. Maya, 7, loves dinosaurs"
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={fieldError(error, 'value')}
          required
          data-autofocus
          autoFocus
        />
        <Checkbox
          label="Pin: show it before I reach out"
          checked={pinned}
          onChange={(e) => setPinned(e.currentTarget.checked)}
        />
        <FormButtons pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** F8 structured personal details; pinned ones come first and show in "before you reach out". */
export function FactsCard({ contactId }: { contactId: string }) {
  const facts = useContactFacts(contactId);
  const add = useAddFact(contactId);
  const edit = usePatchFact(contactId);
  const client = useQueryClient();

  const remove = (f: Fact) =>
    undoableDelete({
      client,
      what: 'Fact',
      keys: [factKeys.contact(contactId), ...factRelated(contactId)],
      hide: hideFromList(client, factKeys.contact(contactId), f.id),
      remove: () => deleteFact(f.id),
    });

  return (
    <EditableListCard
      title="Facts"
      addLabel="Add fact"
      empty="Family, hobbies, what they are working on: nothing written down yet."
      query={facts}
      add={add}
      edit={edit}
      Form={FactForm}
      row={(f, _i, startEdit) => (
        <Group key={f.id} component="li" justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Group gap={6}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                {f.label || humanize(f.kind)}
              </Text>
              {f.pinned && (
                <Badge size="xs" variant="light" color="yellow" tt="none">
                  Pinned
                </Badge>
              )}
            </Group>
            <Text size="sm" className="tend-wrap">
              {f.value}
            </Text>
          </Stack>
          <RowActions
            name={`fact ${f.label || humanize(f.kind)}`}
            onEdit={startEdit}
            onDelete={() => remove(f)}
          >
            <PinToggle
              pinned={f.pinned}
              name={`fact ${f.label || humanize(f.kind)}`}
              onToggle={() => edit.mutate({ id: f.id, body: { pinned: !f.pinned } })}
            />
          </RowActions>
        </Group>
      )}
    />
  );
}
