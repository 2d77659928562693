import { ActionIcon, Button, Group, Loader, Paper, Text, Title, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorPanel } from './error-panel';
import { IconEdit, IconPlus, IconTrash } from './icons';
import { PlainList } from './plain-list';

/** One section of the contact page: a heading, an "Add" button, its rows or a hint when empty. */
export function DetailCard({
  title,
  addLabel,
  onAdd,
  adding,
  query,
  empty,
  children,
}: {
  title: string;
  addLabel: string;
  onAdd: () => void;
  /** The add form, shown above the rows while open. */
  adding: ReactNode;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  empty: string;
  children: ReactNode[];
}) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={title}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h4">
          {title}
        </Title>
        {!adding && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={onAdd}>
            {addLabel}
          </Button>
        )}
      </Group>
      {adding}
      {query.isPending ? (
        <Loader size="sm" aria-label={`Loading ${title.toLowerCase()}`} />
      ) : query.isError ? (
        <ErrorPanel error={query.error} onRetry={() => query.refetch()} />
      ) : children.length === 0 && !adding ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <PlainList label={title}>{children}</PlainList>
      )}
    </Paper>
  );
}

/** Edit and delete buttons of one row, named after the row so a screen reader can tell them apart. */
export function RowActions({
  name,
  onEdit,
  onDelete,
  children,
}: {
  name: string;
  onEdit?: (() => void) | undefined;
  onDelete: () => void;
  children?: ReactNode;
}) {
  return (
    <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }}>
      {children}
      {onEdit && (
        <Tooltip label="Edit">
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Edit ${name}`} onClick={onEdit}>
            <IconEdit size={14} />
          </ActionIcon>
        </Tooltip>
      )}
      <Tooltip label="Delete">
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Delete ${name}`} onClick={onDelete}>
          <IconTrash size={14} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/** Save and Cancel for an inline form; Escape cancels too (see the form's onKeyDown). */
export function FormButtons({
  pending,
  onCancel,
  save = 'Save',
}: {
  pending: boolean;
  onCancel: () => void;
  save?: string;
}) {
  return (
    <Group justify="flex-end" gap="xs">
      <Button size="xs" variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button size="xs" type="submit" loading={pending}>
        {save}
      </Button>
    </Group>
  );
}
