import { Table, type TableProps, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A settings table that loads (tokens, feeds, sessions, sources): the error in red, the rows under
 * their headers (the last, unlabelled column holds each row's buttons), or a hint when there are none.
 * Nothing shows while it loads: the panel around it is already there.
 */
export function QueryTable<T>({
  error,
  rows,
  label,
  headers,
  minWidth,
  empty,
  verticalSpacing,
  children,
}: {
  /** The query's error: shown instead of the table. */
  error: Error | null;
  /** The items; `undefined` while they load. */
  rows: T[] | undefined;
  /** The table's accessible name. */
  label: string;
  /** Column headings, the buttons' column left out. */
  headers: string[];
  /** Below this width the table scrolls sideways instead of squeezing. */
  minWidth: number;
  /** The hint for no rows; without one an empty table still shows its headings. */
  empty?: string;
  verticalSpacing?: TableProps['verticalSpacing'];
  /** One `<Table.Tr>` per item. */
  children: (item: T) => ReactNode;
}) {
  if (error) {
    return (
      <Text c="red" size="sm">
        {error.message}
      </Text>
    );
  }
  if (!rows) return null;
  if (rows.length === 0 && empty !== undefined) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    // The scroller takes focus: on a phone the table scrolls sideways, and a keyboard must reach
    // what is off screen even when no row has a button (axe: scrollable-region-focusable).
    <Table.ScrollContainer
      minWidth={minWidth}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'group', 'aria-label': label } }}
    >
      <Table aria-label={label} verticalSpacing={verticalSpacing}>
        <Table.Thead>
          <Table.Tr>
            {headers.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows.map(children)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
