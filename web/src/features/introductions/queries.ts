import type {
  Introduction,
  IntroductionAdvance,
  IntroductionCreate,
  IntroductionDetail,
} from '@contract/introductions';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

const introductionsKey = ['introductions'] as const;

/** Introductions still running (`open`) or ended. */
export function useIntroductions(open: boolean) {
  return useQuery({
    queryKey: [...introductionsKey, 'list', open],
    queryFn: () => get<{ items: Introduction[] }>('/introductions', { open: String(open) }),
    select: (data) => data.items,
  });
}

/** One introduction with the draft of the message to send next. */
export function useIntroduction(id: string) {
  return useQuery({
    queryKey: [...introductionsKey, 'one', id],
    queryFn: () => get<IntroductionDetail>(`/introductions/${encodeURIComponent(id)}`),
  });
}

export function useCreateIntroduction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: IntroductionCreate) => post<IntroductionDetail>('/introductions', body),
    onSuccess: () => client.invalidateQueries({ queryKey: introductionsKey }),
  });
}

/** Sending the intro logs a give on both sides, so the ledger refreshes too. */
export function useAdvanceIntroduction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: IntroductionAdvance) =>
      post<IntroductionDetail>(`/introductions/${encodeURIComponent(id)}/advance`, body),
    onSuccess: async (detail) => {
      client.setQueryData([...introductionsKey, 'one', id], detail);
      await client.invalidateQueries({ queryKey: [...introductionsKey, 'list'] });
      await client.invalidateQueries({ queryKey: queryKeys.ledger });
    },
  });
}
