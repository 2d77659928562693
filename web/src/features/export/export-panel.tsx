import { Alert, Anchor, Button, Code, Group, List, Stack, Text, Title } from '@mantine/core';
import { useRef } from 'react';
import { ApiError } from '../../api/client';
import { SettingsPanel } from '../../ui/settings-panel';
import { useRestoreBackup } from './queries';

const DOWNLOADS = [
  { href: '/api/v1/export/contacts.vcf?version=4.0', label: 'vCard 4.0', hint: 'Apple Contacts, most apps' },
  {
    href: '/api/v1/export/contacts.vcf?version=3.0',
    label: 'vCard 3.0',
    hint: 'Google Contacts, older phones',
  },
  { href: '/api/v1/export/contacts.csv', label: 'CSV', hint: 'spreadsheets, Notion, Airtable' },
  { href: '/api/v1/export/backup.json', label: 'Full JSON backup', hint: 'everything, to restore later' },
] as const;

/** F23: downloads of the contacts and the whole account, and a restore into an empty account. */
export function ExportPanel() {
  const restore = useRestoreBackup();
  const input = useRef<HTMLInputElement>(null);
  const error = restore.error;
  const pathHint = error instanceof ApiError ? error.errors[0]?.field : undefined;

  return (
    <SettingsPanel
      title="Export and backup"
      description="Your data is yours: take it anywhere, or keep a backup that restores everything."
    >
      <List spacing={6} aria-label="Downloads">
        {DOWNLOADS.map((d) => (
          <List.Item key={d.href}>
            <Anchor href={d.href} download>
              {d.label}
            </Anchor>{' '}
            <Text span size="sm" c="dimmed">
              — {d.hint}
            </Text>
          </List.Item>
        ))}
      </List>
      <Stack gap="xs">
        <Title order={4}>Restore from a backup</Title>
        <Text size="sm" c="dimmed">
          Restores a <Code>tend-backup-….json</Code> into this account, which must have no contacts yet.
        </Text>
        {error && (
          <Alert color="red" title="Nothing was restored" role="alert">
            <span className="tend-wrap">
              {error.message}
              {pathHint && ` (at ${pathHint})`}
            </span>
          </Alert>
        )}
        {restore.data && (
          <Alert color="teal" title="Backup restored">
            {Object.entries(restore.data.restored)
              .filter(([, n]) => n > 0)
              .map(([section, n]) => `${n} ${section.replace(/_/g, ' ')}`)
              .join(', ') || 'the backup was empty'}
          </Alert>
        )}
        <Group>
          <Button variant="default" onClick={() => input.current?.click()} loading={restore.isPending}>
            Choose a backup file
          </Button>
          <input
            ref={input}
            type="file"
            accept=".json,application/json"
            aria-label="Backup file"
            hidden
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) restore.mutate(file);
              event.currentTarget.value = '';
            }}
          />
        </Group>
      </Stack>
    </SettingsPanel>
  );
}
