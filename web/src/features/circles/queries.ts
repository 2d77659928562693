import type { Circle } from '@contract/circles';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';

/** The account's circles, for pickers and badges; they change rarely. */
export function useCircles() {
  return useQuery({
    queryKey: ['circles'],
    queryFn: async () => (await get<{ items: Circle[] }>('/circles')).items,
    staleTime: 5 * 60_000,
  });
}
