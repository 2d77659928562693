import type { Circle, CircleCreate, CirclePatch } from '@contract/circles';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

/** Query keys of circles; a circle's cadence also moves the capacity plan and Today. */
export const circleKeys = { all: queryKeys.circles };

/** The account's circles, for pickers and badges; they change rarely. */
export function useCircles() {
  return useQuery({
    queryKey: circleKeys.all,
    queryFn: async () => (await get<{ items: Circle[] }>('/circles')).items,
    staleTime: 5 * 60_000,
  });
}

/** What a circle change makes stale: the circles, the plan, the queue and the contacts' cadences. */
function invalidateAfterCircleChange(client: ReturnType<typeof useQueryClient>) {
  for (const queryKey of [circleKeys.all, queryKeys.capacity, queryKeys.today, queryKeys.contacts]) {
    void client.invalidateQueries({ queryKey });
  }
}

export function useCreateCircle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CircleCreate) => post<Circle>('/circles', body),
    onSuccess: () => invalidateAfterCircleChange(client),
  });
}

export function usePatchCircle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CirclePatch }) =>
      patch<Circle>(`/circles/${encodeURIComponent(id)}`, body),
    onSuccess: () => invalidateAfterCircleChange(client),
  });
}
