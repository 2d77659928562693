import type {
  CarddavConflict,
  CarddavRun,
  ConflictResolve,
  Subscription,
  SubscriptionCreate,
  SubscriptionPatch,
} from '@contract/carddav';
import type { DavInfo, DavSettings } from '@contract/dav';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post, postNoContent } from '../../api/client';

export const syncKeys = { settings: () => ['dav-settings'] as const };

export function useDavInfo() {
  return useQuery({ queryKey: syncKeys.settings(), queryFn: () => get<DavInfo>('/dav/settings') });
}

export function useUpdateDavSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: DavSettings) => patch<DavInfo>('/dav/settings', settings),
    onSuccess: (info) => client.setQueryData(syncKeys.settings(), info),
  });
}

/** Query keys of the address books Tend subscribes to (F31 client). */
export const carddavKeys = {
  all: ['carddav'] as const,
  subscriptions: () => [...carddavKeys.all, 'subscriptions'] as const,
  conflicts: () => [...carddavKeys.all, 'conflicts'] as const,
};

/** The subscriptions; polled while one syncs, so its status moves on screen. */
export function useSubscriptions() {
  return useQuery({
    queryKey: carddavKeys.subscriptions(),
    queryFn: async () => (await get<{ items: Subscription[] }>('/carddav-subscriptions')).items,
    refetchInterval: (q) => (q.state.data?.some((s) => s.syncing) ? 3_000 : false),
  });
}

export function useCarddavConflicts() {
  return useQuery({
    queryKey: carddavKeys.conflicts(),
    queryFn: async () => (await get<{ items: CarddavConflict[] }>('/carddav-conflicts')).items,
  });
}

export function useSubscribe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SubscriptionCreate) => post<Subscription>('/carddav-subscriptions', body),
    onSuccess: () => client.invalidateQueries({ queryKey: carddavKeys.all }),
  });
}

/** After a sync or a choice, contacts everywhere may have changed. */
export function useRunSubscription() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => post<CarddavRun>(`/carddav-subscriptions/${id}/run`),
    onSettled: () => client.invalidateQueries(),
  });
}

export function usePatchSubscription() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SubscriptionPatch }) =>
      patch<Subscription>(`/carddav-subscriptions/${encodeURIComponent(id)}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: carddavKeys.all }),
  });
}

export function useUnsubscribe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del(`/carddav-subscriptions/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: carddavKeys.all }),
  });
}

export function useResolveConflict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, choice }: { id: string; choice: ConflictResolve }) =>
      postNoContent(`/carddav-conflicts/${id}/resolve`, choice),
    onSuccess: () => client.invalidateQueries(),
  });
}
