import type { Me } from '@contract/auth';
import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { fieldError, formError } from '../../ui/field-errors';
import { TimeZoneSelect } from '../../ui/time-zone-select';
import { useAuthState, useUpdateSettings } from '../auth/queries';
import { capacityKeys } from '../capacity/queries';
import { SourcesPanel } from '../capture/sources-panel';
import { DigestPanel } from '../digest/digest-panel';
import { ExportPanel } from '../export/export-panel';
import { FeedTokensPanel } from '../feed/feed-tokens-panel';
import { HolidaysPanel } from '../holidays/holidays-panel';
import { SyncPanel } from '../sync/sync-panel';
import { AccountPanel } from './account-panel';
import { TokensPanel } from './tokens-panel';

export function SettingsPage() {
  const me = useAuthState().data?.me;
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1} size="h2">
        Settings
      </Title>
      {me && <PreferencesPanel key={me.userId} me={me} />}
      <AccountPanel />
      <SourcesPanel />
      <HolidaysPanel />
      <DigestPanel />
      <FeedTokensPanel />
      <SyncPanel />
      <ExportPanel />
      <TokensPanel />
    </Stack>
  );
}

function PreferencesPanel({ me }: { me: Me }) {
  const update = useUpdateSettings();
  const [timeZone, setTimeZone] = useState<string | null>(me.timeZone);
  const [dailySize, setDailySize] = useState<number | string>(me.dailySize);
  const [weeklyBudget, setWeeklyBudget] = useState<number | string>(me.weeklyBudget);
  const client = useQueryClient();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { timeZone: timeZone ?? me.timeZone, dailySize: Number(dailySize), weeklyBudget: Number(weeklyBudget) },
      {
        onSuccess: () => {
          // The budget decides whether the capacity plan is over.
          void client.invalidateQueries({ queryKey: capacityKeys.plan });
          notifications.show({ color: 'teal', message: 'Settings saved' });
        },
      },
    );
  };
  const general = formError(update.error, ['timeZone', 'dailySize', 'weeklyBudget']);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <form onSubmit={submit}>
        <Stack>
          <div>
            <Title order={3}>Preferences</Title>
            <Text size="sm" c="dimmed">
              Your zone decides when “today” starts; the queue size how many people Tend suggests each day.
            </Text>
          </div>
          {general && (
            <Text c="red" size="sm" role="alert">
              {general}
            </Text>
          )}
          <TimeZoneSelect
            label="Your time zone"
            value={timeZone}
            onChange={setTimeZone}
            allowDeselect={false}
            error={fieldError(update.error, 'timeZone')}
          />
          <NumberInput
            label="Daily queue size"
            description="People suggested on the Today page each day (1–100)"
            min={1}
            max={100}
            clampBehavior="strict"
            allowDecimal={false}
            value={dailySize}
            onChange={setDailySize}
            error={fieldError(update.error, 'dailySize')}
            maw={240}
          />
          <NumberInput
            label="Weekly budget"
            description="Touches a week you can keep up with (1–500); the Circles page plans your cadences to fit it"
            min={1}
            max={500}
            clampBehavior="strict"
            allowDecimal={false}
            value={weeklyBudget}
            onChange={setWeeklyBudget}
            error={fieldError(update.error, 'weeklyBudget')}
            maw={240}
          />
          <Group>
            <Button type="submit" loading={update.isPending}>
              Save preferences
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
