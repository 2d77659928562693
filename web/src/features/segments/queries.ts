import type { Segment, SegmentCreate } from '@contract/segments';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post } from '../../api/client';

export const segmentKeys = { all: ['segments'] as const };

/** Saved contact filters (F2), for the sidebar, the contacts page and Updates. */
export function useSegments() {
  return useQuery({
    queryKey: segmentKeys.all,
    queryFn: async () => (await get<{ items: Segment[] }>('/segments')).items,
  });
}

export function useCreateSegment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SegmentCreate) => post<Segment>('/segments', body),
    onSuccess: () => client.invalidateQueries({ queryKey: segmentKeys.all }),
  });
}

export const deleteSegment = (id: string) => del(`/segments/${encodeURIComponent(id)}`);
