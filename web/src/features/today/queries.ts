import type { Brief } from '@contract/brief';
import type { Capacity } from '@contract/health';
import type { InteractionCreate } from '@contract/interactions';
import type { ActionResult, Today } from '@contract/today';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { refreshAfterInteraction } from '../../api/refresh-contact';

export const todayKey = queryKeys.today;

/** Today's queue, best first, with the rest under `more`. */
export function useToday() {
  return useQuery({ queryKey: todayKey, queryFn: () => get<Today>('/today') });
}

export function useCapacity() {
  return useQuery({ queryKey: queryKeys.capacity, queryFn: () => get<Capacity>('/capacity') });
}

/** "Before you reach out" for one contact; idle until a contact is chosen. */
export function useBrief(contactId: string | null) {
  return useQuery({
    queryKey: queryKeys.brief(contactId),
    queryFn: () => get<Brief>(`/contacts/${encodeURIComponent(contactId ?? '')}/brief`),
    enabled: contactId !== null,
  });
}

export type TodayAction =
  | { kind: 'done'; contactId: string; log?: InteractionCreate }
  | { kind: 'snooze'; contactId: string; until: string }
  | { kind: 'skip'; contactId: string };

function bodyOf(action: TodayAction): object {
  if (action.kind === 'done') return action.log ? { log: action.log } : {};
  if (action.kind === 'snooze') return { until: action.until };
  return {};
}

/** The queue without one contact: what the server will answer once the action lands. */
export function without(today: Today, contactId: string): Today {
  const items = today.items.filter((i) => i.contactId !== contactId);
  const more = today.more.filter((i) => i.contactId !== contactId);
  return { ...today, items, more, moreCount: today.moreCount - (today.more.length - more.length) };
}

/**
 * Done, snooze and skip take the item off the list at once; a failure puts it back. The refetch
 * afterwards brings the next contact up from `more`.
 */
export function useTodayAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: TodayAction) =>
      post<ActionResult>(`/today/${encodeURIComponent(action.contactId)}/${action.kind}`, bodyOf(action)),
    onMutate: async (action) => {
      await client.cancelQueries({ queryKey: todayKey });
      const previous = client.getQueryData<Today>(todayKey);
      if (previous) client.setQueryData<Today>(todayKey, without(previous, action.contactId));
      return { previous };
    },
    onError: (_error, _action, context) => {
      if (context?.previous) client.setQueryData(todayKey, context.previous);
    },
    onSettled: async (_result, _error, action) => {
      await client.invalidateQueries({ queryKey: todayKey });
      if (action.kind === 'done') await refreshAfterInteraction(client, action.contactId);
    },
  });
}
