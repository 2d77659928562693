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
import { queryKeys } from '../../api/query-keys';

const updateKeys = {
  all: queryKeys.updates,
  due: () => [...updateKeys.all, 'due'] as const,
  list: () => [...updateKeys.all, 'list'] as const,
  preview: (id: string | null) => [...updateKeys.all, 'preview', id] as const,
};

export function useUpdatesDue() {
  return useQuery({ queryKey: updateKeys.due(), queryFn: () => get<UpdatesDue>('/updates/due') });
}

/** The rhythm (every 3–6 months); the answer is the new "is one due", which Today shows too. */
export function usePatchUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSettingsPatch) => patch<UpdatesDue>('/updates/settings', body),
    onSuccess: (due) => client.setQueryData(updateKeys.due(), due),
  });
}

export function useUpdates() {
  return useQuery({
    queryKey: updateKeys.list(),
    queryFn: async () => (await get<{ items: Update[] }>('/updates')).items,
  });
}

export function useCreateUpdate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCreate) => post<Update>('/updates', body),
    onSuccess: () => client.invalidateQueries({ queryKey: updateKeys.list() }),
  });
}

/** Each recipient's own copy, with the variables filled in. */
export function useUpdatePreview(id: string | null) {
  return useQuery({
    queryKey: updateKeys.preview(id),
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
