import { Paper, Stack, type StackProps, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One panel of the Settings page: a section named by its title, a line on what it does, its body. */
export function SettingsPanel({
  title,
  description,
  gap,
  children,
}: {
  title: string;
  description: ReactNode;
  gap?: StackProps['gap'];
  children: ReactNode;
}) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-label={title}>
      <Stack gap={gap}>
        <div>
          <Title order={3}>{title}</Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
