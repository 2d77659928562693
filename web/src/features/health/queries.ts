import type { Health } from '@contract/health';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

/** The contact's health score, its four parts and whether the relationship is one-sided. */
export function useHealth(contactId: string) {
  return useQuery({
    queryKey: queryKeys.health(contactId),
    queryFn: () => get<Health>(`/contacts/${encodeURIComponent(contactId)}/health`),
  });
}
