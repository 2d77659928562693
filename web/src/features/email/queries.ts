import type { DigestSettings, DigestSettingsPatch } from '@contract/digest';
import type { OutboxMessage } from '@contract/outbox';
import type {
  Update,
  UpdateCreate,
  UpdatePreview,
  UpdateSent,
  UpdateSettingsPatch,
  UpdatesDue,
} from '@contract/updates';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post } from '../../api/client';

const digestKey = ['digest', 'settings'] as const;
const outboxKey = ['outbox'] as const;
const updatesKey = ['updates'] as const;

export function useDigestSettings() {
  return useQuery({ queryKey: digestKey, queryFn: () => get<DigestSettings>('/digest/settings') });
}

export function useUpdateDigestSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DigestSettingsPatch) => patch<DigestSettings>('/digest/settings', body),
    onSuccess: (settings) => client.setQueryData(digestKey, settings),
  });
}

/** The mail queue; refreshed every half minute while open, since the sender works in the background. */
export function useOutbox() {
  return useQuery({
    queryKey: outboxKey,
    queryFn: async () => (await get<{ items: OutboxMessage[] }>('/outbox')).items,
    refetchInterval: 30_000,
  });
}

export function useRetryMessage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => post<OutboxMessage>(`/outbox/${encodeURIComponent(id)}/retry`),
    onSuccess: () => client.invalidateQueries({ queryKey: outboxKey }),
  });
}

const updatesDueKey = [...updatesKey, 'due'] as const;

export function useUpdatesDue() {
  return useQuery({ queryKey: updatesDueKey, queryFn: () => get<UpdatesDue>('/updates/due') });
}

/** The rhythm (every 3–6 months); the answer is the new "is one due", which Today shows too. */
export function usePatchUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSettingsPatch) => patch<UpdatesDue>('/updates/settings', body),
    onSuccess: (due) => client.setQueryData(updatesDueKey, due),
  });
}

export function useUpdates() {
  return useQuery({
    queryKey: [...updatesKey, 'list'],
    queryFn: async () => (await get<{ items: Update[] }>('/updates')).items,
  });
}

/** The one segments query, shared with the sidebar and the contacts page. */
export { useSegments } from '../segments/queries';

export function useCreateUpdate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCreate) => post<Update>('/updates', body),
    onSuccess: () => client.invalidateQueries({ queryKey: [...updatesKey, 'list'] }),
  });
}

/** Each recipient's own copy, with the variables filled in. */
export function useUpdatePreview(id: string | null) {
  return useQuery({
    queryKey: [...updatesKey, 'preview', id],
    queryFn: () => get<UpdatePreview>(`/updates/${encodeURIComponent(id ?? '')}/preview`),
    enabled: id !== null,
  });
}

export function useSendUpdate(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mode: 'smtp' | 'drafts') =>
      post<UpdateSent>(`/updates/${encodeURIComponent(id)}/send`, { mode }),
    // A send logs an interaction per recipient and may queue mail: most answers change.
    onSuccess: () => client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' }),
  });
}
