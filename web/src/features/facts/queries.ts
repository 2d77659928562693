import type { Fact, FactCreate, FactList, FactPatch } from '@contract/facts';
import { useQuery } from '@tanstack/react-query';
import { del, get, patch, post } from '../../api/client';
import { pendingId, useOptimisticList } from '../../api/optimistic-list';
import { queryKeys } from '../../api/query-keys';

export const factKeys = {
  all: ['facts'] as const,
  contact: (contactId: string) => [...factKeys.all, contactId] as const,
};
/** Pinned facts show in the brief before reaching out. */
export const factRelated = (contactId: string) => [queryKeys.brief(contactId)];

/** Pinned first, as the server orders them. */
const pinnedFirst = (items: Fact[]) => [...items].sort((a, b) => Number(b.pinned) - Number(a.pinned));

export function useContactFacts(contactId: string) {
  return useQuery({
    queryKey: factKeys.contact(contactId),
    queryFn: () => get<FactList>(`/contacts/${encodeURIComponent(contactId)}/facts`),
  });
}

export function useAddFact(contactId: string) {
  return useOptimisticList<Fact, FactCreate, Fact>({
    key: factKeys.contact(contactId),
    related: factRelated(contactId),
    mutationFn: (body) => post<Fact>(`/contacts/${encodeURIComponent(contactId)}/facts`, body),
    apply: (items, v) =>
      pinnedFirst([
        ...items,
        {
          id: pendingId(),
          contactId,
          kind: v.kind,
          label: v.label ?? '',
          value: v.value,
          pinned: v.pinned ?? false,
          createdAt: new Date().toISOString(),
        },
      ]),
  });
}

export function usePatchFact(contactId: string) {
  return useOptimisticList<Fact, { id: string; body: FactPatch }, Fact>({
    key: factKeys.contact(contactId),
    related: factRelated(contactId),
    mutationFn: ({ id, body }) => patch<Fact>(`/facts/${encodeURIComponent(id)}`, body),
    apply: (items, { id, body }) =>
      pinnedFirst(
        items.map((f) =>
          f.id === id
            ? Object.assign(
                {},
                f,
                Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)),
              )
            : f,
        ),
      ),
  });
}

export const deleteFact = (id: string) => del(`/facts/${encodeURIComponent(id)}`);
