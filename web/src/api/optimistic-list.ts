import { type QueryClient, type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

/** The `{ items }` shape every per-contact list route answers with. */
export interface ItemList<T> {
  items: T[];
}

/**
 * A mutation that shows its effect on a cached `{ items }` list at once (`apply`), puts the list
 * back if the server refuses, and then refetches the list and everything derived from it
 * (`related`: the brief, Today, the timeline…), so what is shown ends as what is stored.
 */
export function useOptimisticList<T, V, R>({
  key,
  mutationFn,
  apply,
  related = [],
}: {
  key: QueryKey;
  mutationFn: (vars: V) => Promise<R>;
  apply: (items: T[], vars: V) => T[];
  related?: QueryKey[];
}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onMutate: async (vars: V) => {
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<ItemList<T>>(key);
      if (before) client.setQueryData<ItemList<T>>(key, { ...before, items: apply(before.items, vars) });
      return { before };
    },
    onError: (_error, _vars, context) => {
      if (context?.before) client.setQueryData(key, context.before);
    },
    onSettled: () => refresh(client, [key, ...related]),
  });
}

export async function refresh(client: QueryClient, keys: QueryKey[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}

/** A stand-in id for a row the server has not answered for yet. */
export const pendingId = () => `pending-${Math.random().toString(36).slice(2)}`;
