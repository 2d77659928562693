import type { ContactPage } from '@contract/contacts';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';
import { contactsKey } from '../contacts/queries';

/** Up to eight contacts matching `q` (already debounced by the caller); idle while `q` is blank. */
export function usePaletteContacts(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: [...contactsKey, 'palette', query],
    queryFn: () => get<ContactPage>('/contacts', { q: query, limit: 8 }),
    enabled: query.length > 0,
    staleTime: 30_000,
  });
}
