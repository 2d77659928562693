import { Loader, type MantineSize, type StackProps, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorPanel } from './error-panel';
import { PlainList } from './plain-list';

/** The part of a TanStack query result a list reads. */
interface ListQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data?: T[] | undefined;
  refetch: () => unknown;
}

/**
 * A list that loads: a loader while pending, the error with "Try again", a hint when there are
 * no items, else the items in a `PlainList`.
 */
export function QueryList<T>({
  query,
  label,
  loading,
  empty,
  gap,
  loaderSize = 'sm',
  children,
}: {
  query: ListQuery<T>;
  /** The list's accessible name. */
  label: string;
  /** The loader's accessible name ("Loading trips"). */
  loading: string;
  empty: ReactNode;
  gap?: StackProps['gap'];
  loaderSize?: MantineSize;
  children: (item: T) => ReactNode;
}) {
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => query.refetch()} />;
  if (query.isPending || !query.data) return <Loader size={loaderSize} aria-label={loading} />;
  if (query.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <PlainList label={label} gap={gap}>
      {query.data.map(children)}
    </PlainList>
  );
}
