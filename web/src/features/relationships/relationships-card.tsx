import type { Relationship } from '@contract/relationships';
import { Anchor, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { choiceOf } from '../../lib/choice';
import { relativeTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { DetailCard, FormButtons, RowActions } from '../../ui/detail-card';
import { fieldError } from '../../ui/field-errors';
import { FormErrorAlert } from '../../ui/form-error-alert';
import { undoableDelete } from '../../ui/undo-delete';
import { ContactPicker, type PickedContact } from '../introductions/contact-picker';
import {
  deleteRelationship,
  relationshipKeys,
  useAddRelationship,
  useContactRelationships,
  usePatchRelationship,
} from './queries';
import {
  RELATIONSHIP_ROLES,
  type RelationshipRole,
  relationshipBody,
  relationshipChange,
  roleOf,
} from './relationship-roles';

function AddForm({ contactId, onDone }: { contactId: string; onDone: () => void }) {
  const add = useAddRelationship(contactId);
  const [picked, setPicked] = useState<PickedContact | null>(null);
  const [role, setRole] = useState<RelationshipRole>('knows');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!picked) return setMissing(true);
    add.mutate(
      { ...relationshipBody(role, contactId, picked.id), note: note.trim() || null },
      { onSuccess: onDone },
    );
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
      aria-label="Relationship"
    >
      <Stack gap="xs" mb="sm">
        <FormErrorAlert error={add.error} shownFields={['otherId', 'note']} />
        <Group grow align="flex-start" wrap="wrap" gap="xs">
          <ContactPicker
            label="Person"
            value={picked}
            onChange={setPicked}
            exclude={contactId}
            error={fieldError(add.error, 'otherId') ?? (missing && !picked ? 'pick a contact' : undefined)}
          />
          <Select
            label="They are…"
            data={RELATIONSHIP_ROLES.map(({ value, label }) => ({ value, label }))}
            value={role}
            allowDeselect={false}
            onChange={(v) => setRole(choiceOf(RELATIONSHIP_ROLES, v) ?? 'knows')}
            error={fieldError(add.error, 'kind')}
            miw={180}
          />
        </Group>
        <TextInput
          label="Note"
          placeholder="optional, e.g. at Bletchley since 1941"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError(add.error, 'note')}
        />
        <FormButtons pending={add.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function EditForm({ r, contactId, onDone }: { r: Relationship; contactId: string; onDone: () => void }) {
  const edit = usePatchRelationship(contactId);
  const [role, setRole] = useState<RelationshipRole>(roleOf(r, contactId));
  const [note, setNote] = useState(r.note ?? '');
  return (
    <form
      noValidate
      aria-label={`Relationship with ${r.person.displayName}`}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
      onSubmit={(e) => {
        e.preventDefault();
        edit.mutate(
          { id: r.id, body: { ...relationshipChange(r, role, contactId), note: note.trim() || null } },
          { onSuccess: onDone },
        );
      }}
    >
      <Stack gap="xs">
        <FormErrorAlert error={edit.error} shownFields={['kind', 'note']} />
        <Group grow align="flex-start" wrap="wrap" gap="xs">
          <Select
            label={`${r.person.displayName} is…`}
            data={RELATIONSHIP_ROLES.map(({ value, label }) => ({ value, label }))}
            value={role}
            allowDeselect={false}
            onChange={(v) => setRole(choiceOf(RELATIONSHIP_ROLES, v) ?? role)}
            error={fieldError(edit.error, 'kind')}
            miw={180}
            autoFocus
          />
          <TextInput
            label="Note"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(edit.error, 'note')}
          />
        </Group>
        <FormButtons pending={edit.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** F29: who this person is linked to (shown on both people's pages) and who could introduce you. */
export function RelationshipsCard({ contactId }: { contactId: string }) {
  const list = useContactRelationships(contactId);
  const client = useQueryClient();
  const now = useNow();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const introducers = list.data?.introducers ?? [];

  const remove = (r: Relationship) =>
    undoableDelete({
      client,
      what: 'Relationship',
      keys: [relationshipKeys.all],
      hide: () =>
        client.setQueryData<{ items: Relationship[] }>(relationshipKeys.contact(contactId), (old) =>
          old ? { ...old, items: old.items.filter((x) => x.id !== r.id) } : old,
        ),
      remove: () => deleteRelationship(r.id),
    });

  return (
    <DetailCard
      title="Relationships"
      addLabel="Link person"
      onAdd={() => setAdding(true)}
      query={list}
      empty="Spouse, colleagues, manager, who introduced you: no one linked yet."
      adding={adding && <AddForm contactId={contactId} onDone={() => setAdding(false)} />}
    >
      {[
        ...(list.data?.items ?? []).map((r) =>
          editing === r.id ? (
            <li key={r.id}>
              <EditForm r={r} contactId={contactId} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <Group
              key={r.id}
              component="li"
              justify="space-between"
              wrap="nowrap"
              gap="xs"
              align="flex-start"
            >
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm">
                  <Text span size="xs" c="dimmed" fw={600} tt="uppercase">
                    {r.label}
                  </Text>{' '}
                  <Anchor component={Link} to={`/contacts/${encodeURIComponent(r.person.id)}`} size="sm">
                    {r.person.displayName}
                  </Anchor>
                  {r.person.company && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · {r.person.company}
                    </Text>
                  )}
                </Text>
                {r.note && (
                  <Text size="xs" c="dimmed" className="tend-wrap">
                    {r.note}
                  </Text>
                )}
              </Stack>
              <RowActions
                name={`${r.label.toLowerCase()} ${r.person.displayName}`}
                onEdit={() => setEditing(r.id)}
                onDelete={() => remove(r)}
              />
            </Group>
          ),
        ),
        ...(introducers.length > 0
          ? [
              <Text key="warm" component="li" size="xs" c="dimmed" mt="xs" className="tend-wrap">
                <b>Warm path:</b>{' '}
                {introducers
                  .slice(0, 3)
                  .map(
                    (p) =>
                      `${p.displayName} (${p.label.toLowerCase()}, last contact ${relativeTime(p.lastInteractionAt, now)})`,
                  )
                  .join('; ')}{' '}
                could introduce you.
              </Text>,
            ]
          : []),
      ]}
    </DetailCard>
  );
}
