import type { ContactsBulk, ContactsBulkResult } from '@contract/contacts-bulk';
import type { Capacity } from '@contract/health';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

/** Query keys of the capacity plan (F3); the Today hint reads the same key. */
export const capacityKeys = { plan: queryKeys.capacity };

export function useCapacityPlan() {
  return useQuery({ queryKey: capacityKeys.plan, queryFn: () => get<Capacity>('/capacity') });
}

/** Cadences moved: the plan, the queue, the circles' counts and every contact list are stale. */
function invalidateAfterCadenceChange(client: ReturnType<typeof useQueryClient>) {
  for (const queryKey of [capacityKeys.plan, queryKeys.today, queryKeys.circles, queryKeys.contacts]) {
    void client.invalidateQueries({ queryKey });
  }
}

/** Lands every suggested move; the server recomputes the plan inside its transaction. */
export function useApplyCapacity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => post<Capacity>('/capacity/apply'),
    onSuccess: (plan) => {
      client.setQueryData(capacityKeys.plan, plan);
      invalidateAfterCadenceChange(client);
    },
  });
}

/** One change on many contacts (circle, cadence, tag, tracked), all or nothing. */
export function useBulkUpdateContacts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactsBulk) => post<ContactsBulkResult>('/contacts/bulk', body),
    onSuccess: () => invalidateAfterCadenceChange(client),
  });
}
