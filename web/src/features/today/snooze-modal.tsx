import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';

/** `YYYY-MM-DD` of the viewer's local day `days` (and `months`) after today. */
export function localDay(now: Date, days: number, months = 0): string {
  const d = new Date(now.getFullYear(), now.getMonth() + months, now.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Snooze until a day: tomorrow, next week, next month, or any date. */
export function SnoozeModal({
  name,
  opened,
  fullScreen,
  onClose,
  onSnooze,
}: {
  name: string;
  opened: boolean;
  fullScreen: boolean;
  onClose: () => void;
  onSnooze: (until: string) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Snooze ${name}`} fullScreen={fullScreen} centered>
      {opened && <SnoozeForm onSnooze={onSnooze} />}
    </Modal>
  );
}

function SnoozeForm({ onSnooze }: { onSnooze: (until: string) => void }) {
  const [now] = useState(() => new Date());
  const min = localDay(now, 1);
  const [day, setDay] = useState(() => localDay(now, 7));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(day) && day >= min;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onSnooze(day);
  };
  const quick = [
    { label: 'Tomorrow', until: localDay(now, 1) },
    { label: 'Next week', until: localDay(now, 7) },
    { label: 'Next month', until: localDay(now, 0, 1) },
  ];
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Group gap="xs" grow wrap="wrap">
          {quick.map((q) => (
            <Button
              key={q.label}
              variant="light"
              onClick={() => onSnooze(q.until)}
              data-autofocus={q.label === 'Tomorrow' || undefined}
            >
              {q.label}
            </Button>
          ))}
        </Group>
        <TextInput
          type="date"
          label="Or until"
          min={min}
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
          error={valid ? undefined : 'pick a day after today'}
        />
        <Group justify="flex-end">
          <Button type="submit" disabled={!valid}>
            Snooze
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
