import type { DigestSettings } from '@contract/digest';
import { Button, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { fieldError, formError } from '../../ui/field-errors';
import { OutboxList } from '../outbox/outbox-list';
import { useDigestSettings, useUpdateDigestSettings } from './queries';

/** F24: the morning digest (opt-in, an address of its own) and the mail queue behind it. */
export function DigestPanel() {
  const settings = useDigestSettings();
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack>
        <div>
          <Title order={3}>E-mail</Title>
          <Text size="sm" c="dimmed">
            A digest of today’s queue at 07:00 in your time zone. Nothing else is ever sent without you.
          </Text>
        </div>
        {settings.isError ? (
          <Text c="red" size="sm">
            {settings.error.message}
          </Text>
        ) : (
          settings.data && <DigestForm key={settings.data.digestEmail} settings={settings.data} />
        )}
        <OutboxList />
      </Stack>
    </Paper>
  );
}

function DigestForm({ settings }: { settings: DigestSettings }) {
  const update = useUpdateDigestSettings();
  const [enabled, setEnabled] = useState(settings.digestEnabled);
  const [email, setEmail] = useState(settings.digestEmailSet ? settings.digestEmail : '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { digestEnabled: enabled, digestEmail: email.trim() || null },
      { onSuccess: () => notifications.show({ color: 'teal', message: 'E-mail settings saved' }) },
    );
  };
  const general = formError(update.error, ['digestEmail']);
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Switch
          label="Send me the daily digest"
          checked={enabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
        />
        <TextInput
          label="Digest address"
          type="email"
          placeholder={settings.digestEmailSet ? undefined : settings.digestEmail}
          description={`Leave empty to use your sign-in address; it leaves at 07:00 ${settings.timeZone} time.`}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldError(update.error, 'digestEmail')}
          maw={420}
        />
        {general && (
          <Text c="red" size="sm" role="alert">
            {general}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={update.isPending}>
            Save e-mail settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
