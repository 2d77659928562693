import type { CaptureRun, Source } from '@contract/capture';
import {
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  Modal,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { fieldError, formError } from '../../ui/field-errors';
import { QueryTable } from '../../ui/query-table';
import { SettingsPanel } from '../../ui/settings-panel';
import { CalendarSourceForm, runMessage } from './calendar-source-form';
import { MessageSourceControls, StoreBodiesSwitch } from './message-source-controls';
import { MessageSourceForm } from './message-source-form';
import { useAddSource, useRemoveSource, useSources, useSyncSource, useUploadMbox } from './queries';
import { SuggestionsList } from './suggestions-list';

const KIND_LABEL: Record<Source['kind'], string> = {
  imap: 'IMAP mailbox',
  mbox: 'mbox file',
  ics: 'calendar',
  linkedin_messages: 'LinkedIn messages',
  whatsapp: 'WhatsApp chat',
};

/** Settings → Sources: the mailboxes and files Tend captures interactions from (F30). */
export function SourcesPanel() {
  const sources = useSources();
  const [removing, setRemoving] = useState<Source | null>(null);
  const [withCaptured, setWithCaptured] = useState(false);
  const remove = useRemoveSource();
  return (
    <SettingsPanel
      title="Sources"
      description="Your mailbox, mail archives, calendars, LinkedIn messages and WhatsApp chats become the interaction log: who, when and the subject or meeting title, never the text unless you turn it on for a LinkedIn or WhatsApp source; newsletters, crowds and your own addresses are skipped."
    >
      <AddSourceForm />
      <MessageSourceForm />
      <QueryTable
        error={sources.error}
        rows={sources.data}
        label="Sources"
        headers={['Source', 'Status', 'Seen / captured / skipped']}
        minWidth={560}
        empty="No sources yet."
        verticalSpacing="sm"
      >
        {(s) => <SourceRow key={s.id} source={s} onRemove={() => setRemoving(s)} />}
      </QueryTable>
      <SuggestionsList />
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title="Remove source?" centered>
        <Stack>
          <Text size="sm" className="tend-wrap">
            “{removing?.name}” stops syncing and its password is deleted.
          </Text>
          <Checkbox
            label="Also remove the interactions it captured"
            checked={withCaptured}
            onChange={(e) => setWithCaptured(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                removing &&
                remove.mutate(
                  { id: removing.id, withCaptured },
                  {
                    onSuccess: () => setRemoving(null),
                    onError: (e) =>
                      notifications.show({ color: 'red', title: 'Could not remove', message: e.message }),
                  },
                )
              }
            >
              Remove
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SettingsPanel>
  );
}

function SourceRow({ source: s, onRemove }: { source: Source; onRemove: () => void }) {
  const sync = useSyncSource();
  const upload = useUploadMbox();
  const busy = s.syncing || sync.isPending || upload.isPending;
  const done = (r: CaptureRun) =>
    notifications.show({ color: 'teal', title: s.name, message: runMessage(r) });
  const failed = (e: Error) => notifications.show({ color: 'red', title: s.name, message: e.message });
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={500} className="tend-wrap">
          {s.name}
        </Text>
        <Text size="xs" c="dimmed">
          {s.kind === 'imap'
            ? `IMAP · ${s.settings.user} @ ${s.settings.host}`
            : s.kind === 'ics'
              ? `Calendar · ${s.settings.url ?? '.ics file'}`
              : KIND_LABEL[s.kind]}
        </Text>
        {(s.kind === 'linkedin_messages' || s.kind === 'whatsapp') && <StoreBodiesSwitch source={s} />}
      </Table.Td>
      <Table.Td>
        {busy ? (
          <Badge color="blue" variant="light">
            syncing…
          </Badge>
        ) : s.lastError ? (
          <Badge color="red" variant="light">
            failed
          </Badge>
        ) : s.lastSyncAt ? (
          <Badge color="teal" variant="light">
            up to date
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            not synced yet
          </Badge>
        )}
        <Text size="xs" c="dimmed" mt={4}>
          {s.lastSyncAt ? `last sync ${formatDateTime(s.lastSyncAt)}` : 'never synced'}
        </Text>
        {s.lastError && (
          <Text size="xs" c="red" role="alert" className="tend-wrap">
            {s.lastError}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {s.seen} / {s.captured} / {s.skipped}
        {s.failed > 0 && (
          <Text size="xs" c="dimmed">
            {s.failed} unreadable
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" justify="flex-end">
          {s.kind === 'linkedin_messages' || s.kind === 'whatsapp' ? (
            <MessageSourceControls source={s} disabled={busy} />
          ) : s.kind === 'imap' || (s.kind === 'ics' && s.settings.url) ? (
            <Button
              size="compact-sm"
              variant="light"
              loading={sync.isPending}
              disabled={busy}
              onClick={() => sync.mutate(s.id, { onSuccess: done, onError: failed })}
            >
              Sync now
            </Button>
          ) : (
            <FileButton
              accept={s.kind === 'ics' ? '.ics,text/calendar' : '.mbox,application/mbox,text/plain'}
              onChange={(file) =>
                file &&
                upload.mutate(
                  { id: s.id, file, ...(s.kind === 'ics' && { contentType: 'text/calendar' }) },
                  { onSuccess: done, onError: failed },
                )
              }
            >
              {(props) => (
                <Button
                  {...props}
                  size="compact-sm"
                  variant="light"
                  loading={upload.isPending}
                  disabled={busy}
                >
                  {s.kind === 'ics' ? 'Upload .ics' : 'Upload mbox'}
                </Button>
              )}
            </FileButton>
          )}
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            onClick={onRemove}
            aria-label={`Remove ${s.name}`}
          >
            Remove
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function AddSourceForm() {
  const add = useAddSource();
  const [kind, setKind] = useState<'imap' | 'mbox' | 'calendar'>('imap');
  const [name, setName] = useState('');
  const [host, setHost] = useState('');
  const [port, setPort] = useState<number | string>(993);
  const [tls, setTls] = useState(true);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [months, setMonths] = useState<number | string>(24);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const common = {
      name: name || (kind === 'imap' ? user : 'Mail archive'),
      ownAddresses: [],
      excludedDomains: [],
    };
    add.mutate(
      kind === 'mbox'
        ? { kind, ...common }
        : {
            kind: 'imap',
            ...common,
            host,
            port: Number(port),
            tls,
            user,
            password,
            backfillMonths: Number(months),
          },
      {
        onSuccess: () => {
          setName('');
          setPassword('');
          notifications.show({ color: 'teal', message: 'Source added' });
        },
      },
    );
  };
  const general = formError(add.error, ['name', 'host', 'port', 'user', 'password', 'backfillMonths']);
  const picker = (
    <SegmentedControl
      value={kind}
      onChange={(v) => setKind(v === 'mbox' || v === 'calendar' ? v : 'imap')}
      data={[
        { value: 'imap', label: 'IMAP mailbox' },
        { value: 'mbox', label: 'mbox file' },
        { value: 'calendar', label: 'Calendar' },
      ]}
      maw={420}
      aria-label="Kind of source"
    />
  );
  if (kind === 'calendar') return <CalendarSourceForm picker={picker} />;
  return (
    <form onSubmit={submit} aria-label="Add a source">
      <Stack gap="sm">
        {picker}
        {general && (
          <Text c="red" size="sm" role="alert">
            {general}
          </Text>
        )}
        <TextInput
          label="Name"
          placeholder={kind === 'imap' ? 'Work mail' : 'Google Takeout'}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(add.error, 'name')}
        />
        {kind === 'imap' && (
          <>
            <Group grow align="flex-start">
              <TextInput
                label="Server"
                placeholder="imap.example.com"
                required
                value={host}
                onChange={(e) => setHost(e.currentTarget.value)}
                error={fieldError(add.error, 'host')}
              />
              <NumberInput
                label="Port"
                min={1}
                max={65535}
                value={port}
                onChange={setPort}
                error={fieldError(add.error, 'port')}
                maw={120}
              />
            </Group>
            <Switch
              label="TLS (leave on unless the server is on your own machine)"
              checked={tls}
              onChange={(e) => setTls(e.currentTarget.checked)}
            />
            <Group grow align="flex-start">
              <TextInput
                label="User"
                autoComplete="username"
                required
                value={user}
                onChange={(e) => setUser(e.currentTarget.value)}
                error={fieldError(add.error, 'user')}
              />
              <PasswordInput
                label="App password"
                description="Stored encrypted; never shown again"
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={fieldError(add.error, 'password')}
              />
            </Group>
            <NumberInput
              label="Backfill (months)"
              description="How far back the first sync reads"
              min={0}
              max={240}
              value={months}
              onChange={setMonths}
              maw={240}
              error={fieldError(add.error, 'backfillMonths')}
            />
          </>
        )}
        <Group>
          <Button type="submit" loading={add.isPending}>
            Add source
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
