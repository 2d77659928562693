import type { CreatedFeedToken, FeedToken } from '@contract/feed';
import { Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatDate } from '../../lib/format';
import { RevokeModal } from '../../ui/revoke-modal';
import { SecretOnceAlert } from '../../ui/secret-once-alert';
import { useFeedTokens, useIssueFeedToken, useRevokeFeedToken } from './queries';

/** F21: private iCalendar feed addresses; the secret is part of the URL, shown once. */
export function FeedTokensPanel() {
  const tokens = useFeedTokens();
  const issue = useIssueFeedToken();
  const revoke = useRevokeFeedToken();
  const [created, setCreated] = useState<CreatedFeedToken | null>(null);
  const [revoking, setRevoking] = useState<FeedToken | null>(null);
  const feedUrl = created ? `${window.location.origin}${created.path}` : '';
  const failed = (title: string) => (e: Error) =>
    notifications.show({ color: 'red', title, message: e.message });

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack>
        <div>
          <Title order={3}>Calendar</Title>
          <Text size="sm" c="dimmed">
            A private feed of reminders, planned catch-ups and birthdays for your calendar app. Anyone with
            the address can read it: rotate or revoke it if it leaks.
          </Text>
        </div>
        {created && (
          <SecretOnceAlert
            title="Feed address"
            secret={feedUrl}
            label="Feed URL"
            copyLabel="Copy feed URL"
            onClose={() => setCreated(null)}
          >
            <Text size="xs" c="dimmed">
              Subscribe from Google Calendar: Other calendars → From URL. Apple Calendar: File → New Calendar
              Subscription. The server must be reachable at this address from there.
            </Text>
          </SecretOnceAlert>
        )}
        <Group>
          <Button
            loading={issue.isPending && issue.variables === undefined}
            onClick={() =>
              issue.mutate(undefined, { onSuccess: setCreated, onError: failed('Could not create') })
            }
          >
            Create feed address
          </Button>
        </Group>
        {tokens.isError ? (
          <Text c="red" size="sm">
            {tokens.error.message}
          </Text>
        ) : tokens.data && tokens.data.length > 0 ? (
          <Table.ScrollContainer minWidth={300}>
            <Table aria-label="Calendar feeds">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Starts with</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td>
                      <Code>{t.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{formatDate(t.createdAt)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          loading={issue.isPending && issue.variables === t.id}
                          aria-label={`Rotate feed ${t.prefix}`}
                          onClick={() =>
                            issue.mutate(t.id, { onSuccess: setCreated, onError: failed('Could not rotate') })
                          }
                        >
                          Rotate
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={`Revoke feed ${t.prefix}`}
                          onClick={() => setRevoking(t)}
                        >
                          Revoke
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          tokens.data && (
            <Text size="sm" c="dimmed">
              No feed addresses yet.
            </Text>
          )
        )}
      </Stack>
      <RevokeModal
        opened={revoking !== null}
        title="Revoke feed?"
        loading={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onRevoke={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              if (created?.id === revoking.id) setCreated(null);
              setRevoking(null);
            },
            onError: failed('Could not revoke'),
          })
        }
      >
        Calendars subscribed to this address stop updating at once.
      </RevokeModal>
    </Paper>
  );
}
