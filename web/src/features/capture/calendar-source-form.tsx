import type { CaptureRun } from '@contract/capture';
import {
  Button,
  FileButton,
  Group,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, type ReactNode, useState } from 'react';
import { fieldError, formError } from '../../ui/field-errors';
import { useAddSource, useSyncSource, useUploadMbox } from './queries';

export function runMessage(r: CaptureRun): string {
  const skipped = Object.values(r.skipped).reduce((a, b) => a + (b ?? 0), 0);
  return `${r.seen} seen, ${r.captured} captured, ${skipped} skipped${r.failed ? `, ${r.failed} unreadable` : ''}`;
}

/**
 * Adds a calendar: an .ics file read at once, or a subscribed address (Google's secret address,
 * Outlook's published calendar, a CalDAV collection with a user and app password) read now and
 * then every 15 minutes.
 */
export function CalendarSourceForm({ picker }: { picker: ReactNode }) {
  const add = useAddSource();
  const upload = useUploadMbox();
  const sync = useSyncSource();
  const [from, setFrom] = useState<'url' | 'file'>('url');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [months, setMonths] = useState<number | string>(24);
  const [file, setFile] = useState<File | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const done = (title: string) => (r: CaptureRun) => {
    setName('');
    setUrl('');
    setPassword('');
    setFile(null);
    notifications.show({ color: 'teal', title, message: runMessage(r) });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setReadError(null);
    const fallback = from === 'file' ? (file?.name ?? 'Calendar file') : hostOf(url);
    add.mutate(
      {
        kind: 'ics',
        name: name || fallback,
        ownAddresses: [],
        excludedDomains: [],
        backfillMonths: Number(months),
        ...(from === 'url' && { url }),
        ...(from === 'url' && user && { user }),
        ...(from === 'url' && password && { password }),
      },
      {
        onSuccess: (source) => {
          const failed = (e: Error) => setReadError(`Added, but reading it failed: ${e.message}`);
          if (from === 'file' && file)
            upload.mutate(
              { id: source.id, file, contentType: 'text/calendar' },
              { onSuccess: done(source.name), onError: failed },
            );
          else sync.mutate(source.id, { onSuccess: done(source.name), onError: failed });
        },
      },
    );
  };
  const general = formError(add.error, ['name', 'url', 'user', 'password', 'backfillMonths']);
  return (
    <form onSubmit={submit} aria-label="Add a calendar">
      <Stack gap="sm">
        {picker}
        <SegmentedControl
          value={from}
          onChange={(v) => setFrom(v === 'file' ? 'file' : 'url')}
          data={[
            { value: 'url', label: 'Calendar address' },
            { value: 'file', label: '.ics file' },
          ]}
          maw={320}
          aria-label="Calendar from"
        />
        {(general || readError) && (
          <Text c="red" size="sm" role="alert" className="tend-wrap">
            {general ?? readError}
          </Text>
        )}
        <TextInput
          label="Name"
          placeholder="Work calendar"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(add.error, 'name')}
        />
        {from === 'url' ? (
          <>
            <TextInput
              label="Address"
              description="Google: Settings → your calendar → Secret address in iCal format. Outlook: Publish calendar → ICS. Or a CalDAV collection URL."
              placeholder="https://calendar.google.com/calendar/ical/…/basic.ics"
              required
              type="url"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={fieldError(add.error, 'url')}
            />
            <Group grow align="flex-start">
              <TextInput
                label="User (CalDAV only)"
                autoComplete="username"
                value={user}
                onChange={(e) => setUser(e.currentTarget.value)}
                error={fieldError(add.error, 'user')}
              />
              <PasswordInput
                label="App password (CalDAV only)"
                description="The address and password are stored encrypted"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={fieldError(add.error, 'password')}
              />
            </Group>
          </>
        ) : (
          <Group>
            <FileButton accept=".ics,text/calendar" onChange={setFile}>
              {(props) => (
                <Button {...props} variant="default">
                  Choose .ics file
                </Button>
              )}
            </FileButton>
            <Text size="sm" c="dimmed">
              {file ? file.name : 'No file chosen'}
            </Text>
          </Group>
        )}
        <NumberInput
          label="Backfill (months)"
          description="How far back past meetings are read"
          min={0}
          max={240}
          value={months}
          onChange={setMonths}
          maw={240}
          error={fieldError(add.error, 'backfillMonths')}
        />
        <Group>
          <Button
            type="submit"
            loading={add.isPending || upload.isPending || sync.isPending}
            disabled={from === 'file' && !file}
          >
            Add calendar
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url.replace(/^webcals?:/i, 'https:')).host;
  } catch {
    return 'Calendar';
  }
}
