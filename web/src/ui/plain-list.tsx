import { Stack, type StackProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A `<ul>` without bullets or indent, its items stacked: the lists of rows and cards on every page. */
export function PlainList({
  label,
  gap = 'xs',
  children,
}: {
  /** The list's accessible name. */
  label: string;
  gap?: StackProps['gap'];
  children: ReactNode;
}) {
  return (
    <Stack gap={gap} component="ul" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {children}
    </Stack>
  );
}
