import type {
  CatchUp,
  CatchUpCreate,
  CatchUpDone,
  CatchUpDoneResult,
  CatchUpFormat,
  SlotList,
} from '@contract/catch-ups';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../api/client';
import { refreshAfterInteraction } from '../../api/refresh-contact';

const catchUpsKey = ['catch-ups'] as const;

/** Free times in the coming two weeks inside both people's working hours. */
export function useSlots(contactId: string, format: CatchUpFormat) {
  return useQuery({
    queryKey: [...catchUpsKey, 'slots', contactId, format],
    queryFn: () => get<SlotList>(`/contacts/${encodeURIComponent(contactId)}/slots`, { format }),
  });
}

/** This contact's planned catch-ups still ahead, soonest first. */
export function useUpcomingCatchUps(contactId: string) {
  return useQuery({
    queryKey: [...catchUpsKey, 'upcoming', contactId],
    queryFn: () => get<{ items: CatchUp[] }>('/catch-ups', { contactId, upcoming: 'true' }),
    select: (data) => data.items,
  });
}

export function usePlanCatchUp(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CatchUpCreate) =>
      post<CatchUp>(`/contacts/${encodeURIComponent(contactId)}/catch-ups`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: catchUpsKey }),
  });
}

/** Done logs the interaction, so the timeline, health and Today refresh with the plan. */
export function useCompleteCatchUp(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CatchUpDone }) =>
      post<CatchUpDoneResult>(`/catch-ups/${encodeURIComponent(id)}/done`, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: catchUpsKey });
      await refreshAfterInteraction(client, contactId);
    },
  });
}

export function useCancelCatchUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => post<CatchUp>(`/catch-ups/${encodeURIComponent(id)}/cancel`),
    onSuccess: () => client.invalidateQueries({ queryKey: catchUpsKey }),
  });
}
