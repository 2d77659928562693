import type { CaptureRun, Source } from '@contract/capture';
import { Button, FileButton, Group, Stack, Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { DateOrderPrompt } from './date-order-prompt';
import { usePatchSource, useUploadMessages } from './message-queries';
import { runSummary } from './message-source-form';

/** Whether a LinkedIn or WhatsApp source keeps message texts, from what it reads next on. */
export function StoreBodiesSwitch({ source: s }: { source: Source }) {
  const toggle = usePatchSource();
  return (
    <Switch
      size="xs"
      mt={6}
      label="Keep message texts"
      aria-label={`Keep message texts of ${s.name}`}
      checked={s.storeBodies}
      disabled={toggle.isPending}
      onChange={(e) => toggle.mutate({ id: s.id, body: { storeBodies: e.currentTarget.checked } })}
    />
  );
}

/** A LinkedIn or WhatsApp source's row action: read a later export (asking the date order if need be). */
export function MessageSourceControls({ source: s, disabled }: { source: Source; disabled: boolean }) {
  const upload = useUploadMessages();
  const [file, setFile] = useState<File | null>(null);
  const read = (chosen: File, dateOrder?: 'dmy' | 'mdy') => {
    setFile(chosen);
    upload.mutate(
      { id: s.id, file: chosen, query: dateOrder ? { dateOrder } : {} },
      {
        onSuccess: (r: CaptureRun) => {
          setFile(null);
          notifications.show({ color: 'teal', title: s.name, message: runSummary(r) });
        },
        onError: (e) => notifications.show({ color: 'red', title: s.name, message: e.message }),
      },
    );
  };
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs" wrap="nowrap">
        <FileButton
          accept={s.kind === 'whatsapp' ? '.txt,.zip,text/plain,application/zip' : '.csv,text/csv'}
          onChange={(chosen) => chosen && read(chosen)}
        >
          {(props) => (
            <Button
              {...props}
              size="compact-sm"
              variant="light"
              loading={upload.isPending}
              disabled={disabled}
            >
              Upload export
            </Button>
          )}
        </FileButton>
      </Group>
      {file && (
        <DateOrderPrompt
          error={upload.error}
          busy={upload.isPending}
          onRetry={(order) => read(file, order)}
        />
      )}
    </Stack>
  );
}
