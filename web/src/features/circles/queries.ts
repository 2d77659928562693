import { useQuery } from '@tanstack/react-query';
import type { Circle } from '../../../../src/contract/circles';
import { get } from '../../api/client';

/** The account's circles, for pickers and badges; they change rarely. */
export function useCircles() {
  return useQuery({
    queryKey: ['circles'],
    queryFn: async () => (await get<{ items: Circle[] }>('/circles')).items,
    staleTime: 5 * 60_000,
  });
}
