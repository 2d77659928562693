import type { Interaction, InteractionCreate } from '@contract/interactions';
import type { TimelineEntry } from '@contract/timeline';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post } from '../../api/client';
import { refreshAfterInteraction } from '../../api/refresh-contact';

const timelineKey = (contactId: string) => ['timeline', contactId] as const;

/** Interactions, notes and life events of one contact, newest first. */
export function useContactTimeline(contactId: string) {
  return useQuery({
    queryKey: timelineKey(contactId),
    queryFn: () => get<{ items: TimelineEntry[] }>(`/contacts/${encodeURIComponent(contactId)}/timeline`),
    select: (data) => data.items,
  });
}

/** Logging changes the contact's last contact, health and Today too: everything about them refreshes. */
export function useLogInteraction(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InteractionCreate) =>
      post<Interaction>(`/contacts/${encodeURIComponent(contactId)}/interactions`, body),
    onSuccess: () => refreshAfterInteraction(client, contactId),
  });
}

export function useDeleteInteraction(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del(`/interactions/${encodeURIComponent(id)}`),
    onSuccess: () => refreshAfterInteraction(client, contactId),
  });
}
