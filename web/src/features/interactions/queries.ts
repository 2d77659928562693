import type { Interaction, InteractionCreate, InteractionPatch } from '@contract/interactions';
import type { TimelineEntry } from '@contract/timeline';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { refreshAfterInteraction } from '../../api/refresh-contact';

export const timelineKey = queryKeys.timeline;

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

/** Editing the date or direction moves last contact and health as much as logging does. */
export function usePatchInteraction(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: InteractionPatch }) =>
      patch<Interaction>(`/interactions/${encodeURIComponent(id)}`, body),
    onSuccess: () => refreshAfterInteraction(client, contactId),
  });
}

/** The plain DELETE; the contact page sends it through undoableDelete. */
export const deleteInteraction = (id: string) => del(`/interactions/${encodeURIComponent(id)}`);

/** Everything an interaction feeds, refetched after an undoable delete or its undo. */
export const interactionViews = (contactId: string) => [
  timelineKey(contactId),
  ['brief', contactId],
  ['health', contactId],
  ['contacts'],
  ['today'],
];
