import { useQuery } from '@tanstack/react-query';
import { ApiError, get } from '../../api/client';

/** What the pickers need of a circle; the full contract lands with the circles routes. */
export interface CircleOption {
  id: string;
  name: string;
}

/** Circles for pickers; an empty list while the server has no circles route yet (404). */
export function useCircles() {
  return useQuery({
    queryKey: ['circles'],
    queryFn: async () => {
      try {
        return (await get<{ items: CircleOption[] }>('/circles')).items;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return [];
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}
