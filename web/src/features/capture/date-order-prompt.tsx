import type { UploadQuery } from '@contract/capture-messages';
import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { fieldError } from '../../ui/field-errors';

type DateOrder = NonNullable<UploadQuery['dateOrder']>;

/**
 * Shown when the server could not tell day-first from month-first in a WhatsApp chat: it never
 * guesses, so the user says which, and the same file is read again.
 */
export function DateOrderPrompt({
  error,
  busy,
  onRetry,
}: {
  error: unknown;
  busy: boolean;
  onRetry: (order: DateOrder) => void;
}) {
  const [order, setOrder] = useState<DateOrder>('dmy');
  const message = fieldError(error, 'dateOrder');
  if (!message) return null;
  return (
    <Stack gap="xs" role="group" aria-label="Date order">
      <Text size="sm" c="red" role="alert" className="tend-wrap">
        {/* The API's words name its parameter; here the question below is how to give it. */}
        {message.replace(/[:;,]?\s*give dateOrder.*$/, '.')}
      </Text>
      <Radio.Group
        label="How does your phone write 4 March?"
        value={order}
        onChange={(v) => setOrder(v === 'mdy' ? 'mdy' : 'dmy')}
      >
        <Group mt={4}>
          <Radio value="dmy" label="04/03 (day first)" />
          <Radio value="mdy" label="03/04 (month first)" />
        </Group>
      </Radio.Group>
      <Group>
        <Button size="compact-sm" loading={busy} onClick={() => onRetry(order)}>
          Read it again
        </Button>
      </Group>
    </Stack>
  );
}
