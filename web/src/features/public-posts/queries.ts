import type { LedgerEntryCreated } from '@contract/ledger';
import type { PublicPostCreate, Update } from '@contract/updates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { post } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

/** Records a post opened in LinkedIn's share dialog as a public update. */
export function useRecordPublicPost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PublicPostCreate) => post<Update>('/updates/public', body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.updates }),
  });
}

/** "Mark as posted": the public congratulation counts as a give in the contact's ledger (F11). */
export function useMarkCongratulationPosted(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (note: string) =>
      post<LedgerEntryCreated>(`/contacts/${encodeURIComponent(contactId)}/ledger`, {
        kind: 'public_congratulation',
        note,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.ledger }),
  });
}
