import type { Interaction } from '@contract/interactions';
import type { TimelineEntry } from '@contract/timeline';
import {
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorPanel } from '../../ui/error-panel';
import { IconEdit, IconPlus, IconTrash } from '../../ui/icons';
import { undoableDelete } from '../../ui/undo-delete';
import { useCircles } from '../circles/queries';
import { FactsCard } from '../facts/facts-card';
import { HealthCard } from '../health/health-card';
import { DatesCard } from '../important-dates/dates-card';
import { CHANNEL_LABELS } from '../interactions/channel-icon';
import { ContactTimeline } from '../interactions/contact-timeline';
import { LogInteractionForm } from '../interactions/log-interaction-form';
import {
  deleteInteraction,
  interactionViews,
  timelineKey,
  useContactTimeline,
} from '../interactions/queries';
import { GiveTabs } from '../ledger/give-tabs';
import { LifeEventsCard } from '../life-events/life-events-card';
import { NotesCard } from '../notes/notes-card';
import { type CelebratedEvent, CelebrateModal } from '../public-posts/celebrate-modal';
import { RelationshipsCard } from '../relationships/relationships-card';
import { TasksCard } from '../tasks/tasks-card';
import { ContactCadence } from './contact-cadence';
import { ContactFormModal } from './contact-form-modal';
import { ContactHeader } from './contact-header';
import { ContactPhoto } from './contact-photo';
import { useContact, useDeleteContact } from './queries';

export function ContactPage() {
  const { id = '' } = useParams();
  const contact = useContact(id);
  const circles = useCircles();
  const timeline = useContactTimeline(id);
  const client = useQueryClient();
  const [editingInteraction, setEditingInteraction] = useState<Interaction | null>(null);
  const remove = useDeleteContact();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 36em)');
  const [editing, edit] = useDisclosure(false);
  const [deleting, confirmDelete] = useDisclosure(false);
  const [logging, log] = useDisclosure(false);
  const [celebrating, setCelebrating] = useState<CelebratedEvent | null>(null);
  // `l` logs an interaction, as the keyboard-first brief asks; Mantine ignores it while typing in inputs.
  useHotkeys([['l', () => contact.data && !editing && !deleting && !editingInteraction && log.open()]]);
  const removeInteraction = (i: Interaction) =>
    undoableDelete({
      client,
      what: CHANNEL_LABELS[i.channel],
      keys: interactionViews(id),
      hide: () =>
        client.setQueryData<{ items: TimelineEntry[] }>(timelineKey(id), (old) =>
          old ? { items: old.items.filter((e) => !(e.type === 'interaction' && e.id === i.id)) } : old,
        ),
      remove: () => deleteInteraction(i.id),
    });

  if (contact.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading contact" />
      </Center>
    );
  }
  if (contact.isError) {
    if (contact.error instanceof ApiError && contact.error.status === 404) {
      return (
        <Stack>
          <Text>This contact does not exist (or was deleted).</Text>
          <Anchor component={Link} to="/contacts">
            Back to contacts
          </Anchor>
        </Stack>
      );
    }
    return <ErrorPanel error={contact.error} onRetry={() => contact.refetch()} />;
  }
  const c = contact.data;
  const circle = circles.data?.find((x) => x.id === c.circleId);
  const circleName = circle?.name;

  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to="/contacts" size="sm">
        <span aria-hidden="true">← </span>All contacts
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="md">
        <Group gap="md" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
          <ContactPhoto contact={c} />
          <ContactHeader contact={c} circleName={circleName} circleColor={circle?.color} />
        </Group>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconEdit size={16} />} onClick={edit.open}>
            Edit
          </Button>
          <Button
            variant="default"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={confirmDelete.open}
          >
            Delete
          </Button>
        </Group>
      </Group>
      <ContactCadence contact={c} circle={circle} />
      {c.howMet && (
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            How we met
          </Text>
          <Text size="sm" className="tend-wrap" style={{ whiteSpace: 'pre-wrap' }}>
            {c.howMet}
          </Text>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <DatesCard contactId={c.id} />
        <FactsCard contactId={c.id} />
        <TasksCard contactId={c.id} />
        <RelationshipsCard contactId={c.id} />
        <NotesCard contactId={c.id} />
        <LifeEventsCard contactId={c.id} />
      </SimpleGrid>
      <GiveTabs contactId={c.id} contactName={c.displayName} />
      <HealthCard contactId={c.id} />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Group justify="space-between" mb="md">
          <Title order={3}>Timeline</Title>
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={log.open}
            aria-keyshortcuts="l"
            title="Shortcut: L"
          >
            Log interaction
          </Button>
        </Group>
        {timeline.isPending ? (
          <Loader size="sm" aria-label="Loading timeline" />
        ) : timeline.isError ? (
          <ErrorPanel error={timeline.error} onRetry={() => timeline.refetch()} />
        ) : (
          <ContactTimeline
            items={timeline.data}
            onCelebrate={setCelebrating}
            onDeleteInteraction={removeInteraction}
            onEditInteraction={setEditingInteraction}
          />
        )}
      </Paper>

      <ContactFormModal opened={editing} onClose={edit.close} contact={c} />
      {celebrating && <CelebrateModal contact={c} event={celebrating} onClose={() => setCelebrating(null)} />}
      <Modal opened={logging} onClose={log.close} title="Log interaction" size="lg" fullScreen={phone}>
        {logging && (
          <LogInteractionForm contactId={c.id} defaultChannel={c.preferredChannel} onDone={log.close} />
        )}
      </Modal>
      <Modal
        opened={editingInteraction !== null}
        onClose={() => setEditingInteraction(null)}
        title="Edit interaction"
        size="lg"
        fullScreen={phone}
      >
        {editingInteraction && (
          <LogInteractionForm
            contactId={c.id}
            defaultChannel={c.preferredChannel}
            interaction={editingInteraction}
            onDone={() => setEditingInteraction(null)}
          />
        )}
      </Modal>
      <Modal opened={deleting} onClose={confirmDelete.close} title="Delete contact?" centered>
        <Stack>
          <Text size="sm" className="tend-wrap">
            {c.displayName} and their interactions, notes and dates will be deleted. This cannot be undone.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirmDelete.close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(c.id, {
                  onSuccess: () => {
                    notifications.show({ message: `Deleted ${c.displayName}` });
                    navigate('/contacts');
                  },
                  onError: (e) =>
                    notifications.show({ color: 'red', title: 'Could not delete', message: e.message }),
                })
              }
            >
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
