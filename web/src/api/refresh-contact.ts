import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';

/**
 * A new interaction changes what every view of the contact derives from it (timeline, brief,
 * health, last contact, Today), so all of them refresh together instead of each mutation
 * remembering its own list.
 */
export async function refreshAfterInteraction(client: QueryClient, contactId: string): Promise<void> {
  await Promise.all(
    [
      queryKeys.timeline(contactId),
      queryKeys.brief(contactId),
      queryKeys.health(contactId),
      queryKeys.contacts,
      queryKeys.today,
    ].map((queryKey) => client.invalidateQueries({ queryKey })),
  );
}
