import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { type DragEvent, useRef, useState } from 'react';
import { IconArrowUpRight } from '../../ui/icons';

/** A drop target that is also a plain file picker (the keyboard and screen-reader path). */
export function FileDropZone({
  accept,
  label,
  hint,
  disabled,
  onFile,
}: {
  accept: string;
  label: string;
  hint: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };

  return (
    <Paper
      withBorder
      p="xl"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-teal-6)' : undefined,
        background: over ? 'var(--mantine-color-teal-light)' : undefined,
      }}
    >
      <Stack align="center" gap="xs">
        <Text fw={600} ta="center">
          Drop a file here
        </Text>
        <Text size="sm" c="dimmed" ta="center">
          {hint}
        </Text>
        <Group>
          <Button
            onClick={() => input.current?.click()}
            variant="light"
            leftSection={<IconArrowUpRight size={16} />}
            disabled={disabled}
          >
            {label}
          </Button>
        </Group>
        <input
          ref={input}
          type="file"
          accept={accept}
          aria-label="File to import"
          hidden
          disabled={disabled}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) onFile(file);
            // Choosing the same file again after an error should upload it again.
            event.currentTarget.value = '';
          }}
        />
      </Stack>
    </Paper>
  );
}
