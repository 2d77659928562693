import type { Subscription } from '@contract/carddav';
import { Button, Checkbox, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { fieldError, formError } from '../../ui/field-errors';
import { ConflictList } from './conflict-list';
import { useRunSubscription, useSubscribe, useSubscriptions, useUnsubscribe } from './queries';
import { SubscriptionEditForm } from './subscription-edit-form';

/**
 * F31 client: subscribe to an address book you already have (Nextcloud, Radicale, iCloud,
 * Fastmail) with an app password; each one's last sync, and the cards waiting for a choice.
 */
export function SubscriptionsSection() {
  const list = useSubscriptions();
  return (
    <Stack component="section" aria-label="Address books you already have">
      <div>
        <Title order={4}>Address books you already have</Title>
        <Text size="sm" c="dimmed">
          Tend keeps in step with a CardDAV address book (Nextcloud, Radicale, iCloud or Fastmail, with an app
          password). New cards come in as they would from an import; a card that matches someone waits below
          for your choice.
        </Text>
      </div>
      {list.isError && (
        <Text c="red" size="sm">
          {list.error.message}
        </Text>
      )}
      {list.data?.map((s) => (
        <SubscriptionRow key={s.id} s={s} />
      ))}
      <ConflictList />
      <SubscribeForm />
    </Stack>
  );
}

function SubscriptionRow({ s }: { s: Subscription }) {
  const run = useRunSubscription();
  const remove = useUnsubscribe();
  const [editing, setEditing] = useState(false);
  const status = s.syncing
    ? 'Syncing…'
    : s.lastSyncAt
      ? `Last sync ${formatDateTime(s.lastSyncAt)}: ${s.pulled} pulled, ${s.pushed} pushed, ${s.conflicts} waiting`
      : 'Not synced yet';
  return (
    <Stack gap={4} aria-label={`Address book ${s.name}`} role="group">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={500} className="tend-wrap">
            {s.name}
          </Text>
          <Text size="xs" c="dimmed" className="tend-wrap">
            {s.user} · {s.url}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="light"
            loading={run.isPending || s.syncing}
            onClick={() =>
              run.mutate(s.id, {
                onSuccess: (r) =>
                  notifications.show({
                    color: 'teal',
                    message: `${r.pulled} pulled, ${r.pushed} pushed, ${r.conflicts} waiting for a choice`,
                  }),
                onError: (e) =>
                  notifications.show({ color: 'red', title: 'Sync failed', message: e.message }),
              })
            }
          >
            Sync now
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            aria-expanded={editing}
            aria-label={`Edit ${s.name}`}
            onClick={() => setEditing(!editing)}
          >
            Edit
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            loading={remove.isPending}
            onClick={() => remove.mutate(s.id)}
            aria-label={`Unsubscribe from ${s.name}`}
          >
            Unsubscribe
          </Button>
        </Group>
      </Group>
      {editing && <SubscriptionEditForm s={s} onDone={() => setEditing(false)} />}
      <Text size="sm">
        {status}
        {s.pushNew && ' · new contacts are written here too'}
      </Text>
      {s.lastError && (
        <Text size="sm" c="red">
          Last error: {s.lastError}
        </Text>
      )}
    </Stack>
  );
}

function SubscribeForm() {
  const subscribe = useSubscribe();
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [pushNew, setPushNew] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    subscribe.mutate(
      { url, user, password, pushNew },
      {
        onSuccess: (s) => {
          setPassword('');
          setUrl('');
          notifications.show({
            color: 'teal',
            message: `Subscribed to ${s.name}; sync it to bring its cards in`,
          });
        },
      },
    );
  };
  const general = formError(subscribe.error, ['url', 'user', 'password']);
  return (
    <form onSubmit={submit} aria-label="Subscribe to an address book">
      <Stack gap="sm">
        {general && (
          <Text c="red" size="sm" role="alert">
            {general}
          </Text>
        )}
        <TextInput
          label="Server or address book"
          description="e.g. https://cloud.example.com (found through /.well-known/carddav) or the book's own address"
          type="url"
          required
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={fieldError(subscribe.error, 'url')}
        />
        <Group grow align="flex-start" wrap="wrap" gap="sm">
          <TextInput
            label="User name"
            required
            autoComplete="off"
            value={user}
            onChange={(e) => setUser(e.currentTarget.value)}
            error={fieldError(subscribe.error, 'user')}
            miw={180}
          />
          <PasswordInput
            label="App password"
            description="Stored encrypted; never shown again"
            required
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(subscribe.error, 'password')}
            miw={180}
          />
        </Group>
        <Checkbox
          label="Also add contacts I create in Tend to this address book"
          checked={pushNew}
          onChange={(e) => setPushNew(e.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={subscribe.isPending} disabled={!url || !user || !password}>
            Subscribe to an address book
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
