import type { CreatedFeedToken, FeedToken } from '@contract/feed';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post } from '../../api/client';

const feedTokenKeys = { all: ['feed-tokens'] as const };

export function useFeedTokens() {
  return useQuery({
    queryKey: feedTokenKeys.all,
    queryFn: async () => (await get<{ items: FeedToken[] }>('/feed-tokens')).items,
  });
}

/** Creates a feed token, or rotates one when given its id; both answer with the new secret once. */
export function useIssueFeedToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rotateId?: string) =>
      post<CreatedFeedToken>(
        rotateId ? `/feed-tokens/${encodeURIComponent(rotateId)}/rotate` : '/feed-tokens',
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: feedTokenKeys.all }),
  });
}

export function useRevokeFeedToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del(`/feed-tokens/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: feedTokenKeys.all }),
  });
}
