import type { ContactFilter } from '@contract/contacts';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { fieldError } from '../../ui/field-errors';
import { FormErrorAlert } from '../../ui/form-error-alert';
import { useCreateSegment } from './queries';

/** Names the contacts page's current filters as a segment, then opens it. */
export function SaveSegmentModal({
  opened,
  onClose,
  filter,
}: {
  opened: boolean;
  onClose: () => void;
  filter: ContactFilter;
}) {
  const create = useCreateSegment();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name, filter },
      {
        onSuccess: (segment) => {
          notifications.show({
            message: `Saved segment ${segment.name}`,
            closeButtonProps: { 'aria-label': 'Dismiss' },
          });
          setName('');
          onClose();
          navigate(`/contacts?segment=${encodeURIComponent(segment.id)}`);
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Save as segment" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            A segment keeps these filters, not a list of people: whoever matches later is in it. Use it for
            personal updates and from the sidebar.
          </Text>
          <FormErrorAlert error={create.error} shownFields={['name']} />
          <TextInput
            label="Segment name"
            placeholder="e.g. Mentors in Berlin"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(create.error, 'name')}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Save segment
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
