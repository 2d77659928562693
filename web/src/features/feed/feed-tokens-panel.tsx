import type { CreatedFeedToken, FeedToken } from '@contract/feed';
import { Button, Code, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatDate } from '../../lib/format';
import { QueryTable } from '../../ui/query-table';
import { RevokeModal } from '../../ui/revoke-modal';
import { SecretOnceAlert } from '../../ui/secret-once-alert';
import { SettingsPanel } from '../../ui/settings-panel';
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
    <SettingsPanel
      title="Calendar"
      description="A private feed of reminders, planned catch-ups and birthdays for your calendar app. Anyone with the address can read it: rotate or revoke it if it leaks."
    >
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
      <QueryTable
        error={tokens.error}
        rows={tokens.data}
        label="Calendar feeds"
        headers={['Starts with', 'Created']}
        minWidth={300}
        empty="No feed addresses yet."
      >
        {(t) => (
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
        )}
      </QueryTable>
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
    </SettingsPanel>
  );
}
