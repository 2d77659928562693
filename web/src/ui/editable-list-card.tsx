import { ActionIcon, Tooltip } from '@mantine/core';
import { type ComponentType, type ReactNode, useState } from 'react';
import { DetailCard } from './detail-card';
import { IconPin } from './icons';

/** The part of a TanStack mutation the card drives. */
interface Mutation<V> {
  mutate(variables: V, options?: { onSuccess?: () => void }): void;
  reset(): void;
  error: unknown;
  isPending: boolean;
}

/** What a row's form gets: the row being edited (none when adding), the mutation's state, and callbacks. */
export interface RowFormProps<T, B> {
  initial?: T;
  error: unknown;
  pending: boolean;
  onSubmit: (body: B) => void;
  onCancel: () => void;
}

/**
 * A contact-page card of rows that are added and edited in place through the same form: the add
 * form above the rows, the edit form in place of its row, one of each open at a time.
 */
export function EditableListCard<T extends { id: string }, B>({
  title,
  addLabel,
  empty,
  query,
  add,
  edit,
  Form,
  row,
}: {
  title: string;
  addLabel: string;
  empty: string;
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
    data?: { items: T[] };
  };
  add: Mutation<B>;
  edit: Mutation<{ id: string; body: B }>;
  Form: ComponentType<RowFormProps<T, B>>;
  /** One row as shown; `startEdit` opens its form. */
  row: (item: T, index: number, startEdit: () => void) => ReactNode;
}) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <DetailCard
      title={title}
      addLabel={addLabel}
      onAdd={() => {
        add.reset();
        setAdding(true);
      }}
      query={query}
      empty={empty}
      adding={
        adding && (
          <Form
            error={add.error}
            pending={add.isPending}
            onCancel={() => setAdding(false)}
            onSubmit={(body) => add.mutate(body, { onSuccess: () => setAdding(false) })}
          />
        )
      }
    >
      {(query.data?.items ?? []).map((item, i) =>
        editing === item.id ? (
          <li key={item.id}>
            <Form
              initial={item}
              error={edit.error}
              pending={edit.isPending}
              onCancel={() => setEditing(null)}
              onSubmit={(body) => edit.mutate({ id: item.id, body }, { onSuccess: () => setEditing(null) })}
            />
          </li>
        ) : (
          row(item, i, () => {
            edit.reset();
            setEditing(item.id);
          })
        ),
      )}
    </DetailCard>
  );
}

/** The pin button of a pinned-first row (facts, notes): pinned rows show before you reach out. */
export function PinToggle({
  pinned,
  name,
  onToggle,
}: {
  pinned: boolean;
  name: string;
  onToggle: () => void;
}) {
  return (
    <Tooltip label={pinned ? 'Unpin' : 'Pin'}>
      <ActionIcon
        variant={pinned ? 'light' : 'subtle'}
        color={pinned ? 'yellow' : 'gray'}
        size="sm"
        aria-label={`${pinned ? 'Unpin' : 'Pin'} ${name}`}
        aria-pressed={pinned}
        onClick={onToggle}
      >
        <IconPin size={14} />
      </ActionIcon>
    </Tooltip>
  );
}
