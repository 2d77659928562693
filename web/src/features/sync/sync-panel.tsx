import type { CreatedToken } from '@contract/auth';
import type { DavSettings } from '@contract/dav';
import { Button, Code, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { choiceOf } from '../../lib/choice';
import { SecretOnceAlert } from '../../ui/secret-once-alert';
import { useCreateToken } from '../auth/queries';
import { useDavInfo, useUpdateDavSettings } from './queries';
import { SubscriptionsSection } from './subscriptions-section';

const DELETE_MODES: { value: DavSettings['deleteMode']; label: string }[] = [
  { value: 'delete', label: 'Delete it in Tend' },
  { value: 'untrack', label: 'Keep it, untracked' },
];

/**
 * F31: what to type into DAVx5, iOS/macOS or Thunderbird — the server address, the user name and an
 * app password (an API token, revocable under API tokens) — and what a delete on the phone does.
 */
export function SyncPanel() {
  const info = useDavInfo();
  const update = useUpdateDavSettings();
  const create = useCreateToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const origin = window.location.origin;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-label="Phone and desktop sync">
      <Stack>
        <div>
          <Title order={3}>Phone and desktop sync</Title>
          <Text size="sm" c="dimmed">
            Your contacts over CardDAV and your birthdays, catch-ups, reminders and tasks over CalDAV. Give
            your app the server address, your e-mail and an app password; it finds the rest.
          </Text>
        </div>
        {info.isError ? (
          <Text c="red" size="sm">
            {info.error.message}
          </Text>
        ) : (
          info.data && (
            <Stack gap={4}>
              <Text size="sm">
                Server: <Code>{`${origin}${info.data.url}`}</Code>
              </Text>
              <Text size="sm">
                User name: <Code>{info.data.username}</Code>
              </Text>
              <Text size="sm" c="dimmed">
                Address book <Code>{`${origin}${info.data.addressBookUrl}`}</Code>, calendar{' '}
                <Code>{`${origin}${info.data.calendarUrl}`}</Code> (for apps that ask for them).
              </Text>
            </Stack>
          )
        )}
        {created && (
          <SecretOnceAlert
            title="App password created"
            secret={created.token}
            label="App password"
            copyLabel="Copy app password"
            onClose={() => setCreated(null)}
          />
        )}
        <Group>
          <Button
            variant="light"
            loading={create.isPending}
            onClick={() =>
              create.mutate(
                { name: `Phone sync ${new Date().toLocaleDateString()}`, scopes: ['dav'] },
                { onSuccess: setCreated },
              )
            }
          >
            Create an app password
          </Button>
          <Text size="sm" c="dimmed">
            Revoke it under API tokens; the phone stops syncing at once.
          </Text>
        </Group>
        {info.data && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="dav-delete-mode">
              When a contact is deleted on the phone or in a subscribed address book
            </Text>
            <SegmentedControl
              aria-labelledby="dav-delete-mode"
              value={info.data.deleteMode}
              onChange={(v) => {
                const deleteMode = choiceOf(DELETE_MODES, v);
                if (deleteMode) update.mutate({ deleteMode });
              }}
              data={DELETE_MODES}
              maw={420}
            />
          </Stack>
        )}
        <SubscriptionsSection />
      </Stack>
    </Paper>
  );
}
