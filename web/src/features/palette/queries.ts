import type { ContactPage } from '@contract/contacts';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

/** Up to eight contacts matching `q` (already debounced by the caller); idle while `q` is blank. */
export function usePaletteContacts(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: [...queryKeys.contacts, 'palette', query],
    queryFn: () => get<ContactPage>('/contacts', { q: query, limit: 8 }),
    enabled: query.length > 0,
    staleTime: 30_000,
  });
}
