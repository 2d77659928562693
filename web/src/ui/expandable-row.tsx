import { Button, Collapse, Group, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { RowActions } from './detail-card';

/**
 * One item of a list page (a resource, a trip): its summary with a button that opens what hangs
 * off it (who it fits, who is there) and edit/delete buttons; while editing, its form instead.
 */
export function ExpandableRow({
  name,
  summary,
  editing,
  form,
  open,
  onToggle,
  openLabel,
  closeLabel,
  onEdit,
  onDelete,
  children,
}: {
  /** Names the row's buttons for a screen reader ("Edit Rust meetup"). */
  name: string;
  summary: ReactNode;
  editing: boolean;
  form: ReactNode;
  open: boolean;
  onToggle: () => void;
  openLabel: string;
  closeLabel: string;
  onEdit: () => void;
  onDelete: () => void;
  /** Shown below the summary while open; rendered only then, so its query runs only then. */
  children: ReactNode;
}) {
  if (editing) {
    return (
      <Paper component="li" withBorder p="sm">
        {form}
      </Paper>
    );
  }
  return (
    <Paper component="li" withBorder p="sm">
      <Group justify="space-between" align="flex-start" gap="xs">
        {summary}
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" aria-expanded={open} onClick={onToggle}>
            {open ? closeLabel : openLabel}
          </Button>
          <RowActions name={name} onEdit={onEdit} onDelete={onDelete} />
        </Group>
      </Group>
      <Collapse expanded={open}>{open && children}</Collapse>
    </Paper>
  );
}
