import { Anchor, Button, Center, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorPanel } from '../../ui/error-panel';
import { IconEdit, IconPlus, IconTrash } from '../../ui/icons';
import { useCircles } from '../circles/queries';
import { HealthCard } from '../health/health-card';
import { ContactTimeline } from '../interactions/contact-timeline';
import { LogInteractionForm } from '../interactions/log-interaction-form';
import { useContactTimeline, useDeleteInteraction } from '../interactions/queries';
import { GiveTabs } from '../ledger/give-tabs';
import { type CelebratedEvent, CelebrateModal } from '../public-posts/celebrate-modal';
import { ContactFormModal } from './contact-form-modal';
import { ContactHeader } from './contact-header';
import { useContact, useDeleteContact } from './queries';

export function ContactPage() {
  const { id = '' } = useParams();
  const contact = useContact(id);
  const circles = useCircles();
  const timeline = useContactTimeline(id);
  const removeInteraction = useDeleteInteraction(id);
  const remove = useDeleteContact();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 36em)');
  const [editing, edit] = useDisclosure(false);
  const [deleting, confirmDelete] = useDisclosure(false);
  const [logging, log] = useDisclosure(false);
  const [celebrating, setCelebrating] = useState<CelebratedEvent | null>(null);
  // `l` logs an interaction, as the keyboard-first brief asks; Mantine ignores it while typing in inputs.
  useHotkeys([['l', () => contact.data && !editing && !deleting && log.open()]]);

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
  const circleName = circles.data?.find((x) => x.id === c.circleId)?.name;

  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to="/contacts" size="sm">
        <span aria-hidden="true">← </span>All contacts
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="md">
        <ContactHeader contact={c} circleName={circleName} />
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
            onDeleteInteraction={(interactionId) =>
              removeInteraction.mutate(interactionId, {
                onError: (e) =>
                  notifications.show({ color: 'red', title: 'Could not delete', message: e.message }),
              })
            }
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
