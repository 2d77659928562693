import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Interaction, InteractionCreate } from '../../../../src/contract/interactions';
import { del, get, post } from '../../api/client';
import { contactsKey } from '../contacts/queries';

const interactionsKey = (contactId: string) => ['interactions', contactId] as const;

export function useContactInteractions(contactId: string) {
  return useQuery({
    queryKey: interactionsKey(contactId),
    queryFn: () => get<{ items: Interaction[] }>(`/contacts/${encodeURIComponent(contactId)}/interactions`),
    select: (data) => data.items,
  });
}

/** Logging changes the contact's last-contact date too, so the contact queries refresh. */
export function useLogInteraction(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InteractionCreate) =>
      post<Interaction>(`/contacts/${encodeURIComponent(contactId)}/interactions`, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: interactionsKey(contactId) });
      await client.invalidateQueries({ queryKey: ['timeline', contactId] });
      await client.invalidateQueries({ queryKey: contactsKey });
    },
  });
}

export function useDeleteInteraction(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del(`/interactions/${encodeURIComponent(id)}`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: interactionsKey(contactId) });
      await client.invalidateQueries({ queryKey: ['timeline', contactId] });
      await client.invalidateQueries({ queryKey: contactsKey });
    },
  });
}
