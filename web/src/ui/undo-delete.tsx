import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { refresh } from '../api/optimistic-list';

/** How long a deleted row waits for "Undo" before the server is told. */
export const UNDO_MS = 6000;

/**
 * Deletes with a way back: the row leaves every cached view at once (`hide`), a toast offers Undo,
 * and only when the toast runs out is the DELETE sent. Undo (or a failed DELETE) refetches, so the
 * row comes back exactly as stored. The timer lives outside any component, so leaving the page
 * does not lose the delete.
 */
export function undoableDelete({
  client,
  what,
  hide,
  remove,
  keys,
}: {
  client: QueryClient;
  /** "Birthday", "Note"…: the toast reads "<what> deleted". */
  what: string;
  hide: () => void;
  remove: () => Promise<unknown>;
  /** Everything showing the row, refetched after the delete or the undo. */
  keys: QueryKey[];
}): void {
  const id = `undo-${Math.random().toString(36).slice(2)}`;
  for (const queryKey of keys) void client.cancelQueries({ queryKey });
  hide();
  let undone = false;
  const timer = setTimeout(() => {
    if (undone) return;
    notifications.hide(id);
    remove()
      .catch((e: unknown) =>
        notifications.show({
          color: 'red',
          title: `Could not delete ${what.toLowerCase()}`,
          message: e instanceof Error ? e.message : String(e),
        }),
      )
      .finally(() => void refresh(client, keys));
  }, UNDO_MS);
  const undo = () => {
    undone = true;
    clearTimeout(timer);
    notifications.hide(id);
    void refresh(client, keys);
  };
  notifications.show({
    id,
    autoClose: UNDO_MS - 200,
    withCloseButton: false,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{what} deleted</Text>
        <Button size="compact-sm" variant="light" onClick={undo}>
          Undo
        </Button>
      </Group>
    ),
  });
}

/** The usual `hide`: drops the row with this id from a cached `{ items }` list. */
export function hideFromList(client: QueryClient, key: QueryKey, id: string): () => void {
  return () =>
    client.setQueryData<{ items: { id: string }[] }>(key, (old) =>
      old ? { ...old, items: old.items.filter((x) => x.id !== id) } : old,
    );
}
