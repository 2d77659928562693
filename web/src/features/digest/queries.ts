import type { DigestSettings, DigestSettingsPatch } from '@contract/digest';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch } from '../../api/client';

const digestKeys = { settings: ['digest', 'settings'] as const };

export function useDigestSettings() {
  return useQuery({
    queryKey: digestKeys.settings,
    queryFn: () => get<DigestSettings>('/digest/settings'),
  });
}

export function useUpdateDigestSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DigestSettingsPatch) => patch<DigestSettings>('/digest/settings', body),
    onSuccess: (settings) => client.setQueryData(digestKeys.settings, settings),
  });
}
