import type { DavInfo, DavSettings } from '@contract/dav';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch } from '../../api/client';

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
