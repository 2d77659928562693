import type {
  ContactResource,
  Resource,
  ResourceCreate,
  ResourceMatch,
  ResourcePatch,
  ResourceShare,
  ResourceShared,
} from '@contract/resources';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { refreshAfterInteraction } from '../../api/refresh-contact';

export const resourcesKey = ['resources'] as const;
export const resourceListKey = [...resourcesKey, 'list'] as const;

/** The resource library, newest first. */
export function useResources() {
  return useQuery({
    queryKey: resourceListKey,
    queryFn: () => get<{ items: Resource[] }>('/resources'),
    select: (data) => data.items,
  });
}

export function useAddResource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ResourceCreate) => post<Resource>('/resources', body),
    onSuccess: () => client.invalidateQueries({ queryKey: resourcesKey }),
  });
}

/** Matches and "resources that fit" depend on the tags, so everything under `resources` refetches. */
export function usePatchResource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ResourcePatch }) =>
      patch<Resource>(`/resources/${encodeURIComponent(id)}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: resourcesKey }),
  });
}

export const deleteResource = (id: string) => del(`/resources/${encodeURIComponent(id)}`);

/** Who a resource fits, best first. */
export function useResourceMatches(resourceId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...resourcesKey, 'matches', resourceId],
    queryFn: () => get<{ items: ResourceMatch[] }>(`/resources/${encodeURIComponent(resourceId)}/matches`),
    select: (data) => data.items,
    enabled,
  });
}

/** The library's resources that fit one contact, with the words that matched. */
export function useContactResources(contactId: string) {
  return useQuery({
    queryKey: [...resourcesKey, 'contact', contactId],
    queryFn: () => get<{ items: ContactResource[] }>(`/contacts/${encodeURIComponent(contactId)}/resources`),
    select: (data) => data.items,
  });
}

/** Sharing logs an interaction and a give, so the timeline, ledger and contact refresh too. */
export function useShareResource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ resourceId, ...body }: ResourceShare & { resourceId: string }) =>
      post<ResourceShared>(`/resources/${encodeURIComponent(resourceId)}/share`, body),
    onSuccess: async (_data, { contactId }) => {
      await client.invalidateQueries({ queryKey: resourcesKey });
      await client.invalidateQueries({ queryKey: queryKeys.ledger });
      await refreshAfterInteraction(client, contactId);
    },
  });
}
