import type { OutboxMessage } from '@contract/outbox';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../api/client';

const outboxKeys = { all: ['outbox'] as const };

/** The mail queue; refreshed every half minute while open, since the sender works in the background. */
export function useOutbox() {
  return useQuery({
    queryKey: outboxKeys.all,
    queryFn: async () => (await get<{ items: OutboxMessage[] }>('/outbox')).items,
    refetchInterval: 30_000,
  });
}

export function useRetryMessage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => post<OutboxMessage>(`/outbox/${encodeURIComponent(id)}/retry`),
    onSuccess: () => client.invalidateQueries({ queryKey: outboxKeys.all }),
  });
}
