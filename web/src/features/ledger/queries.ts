import type { ContactLedger, LedgerEntryCreate, LedgerEntryCreated, NetworkLedger } from '@contract/ledger';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

export const ledgerKey = queryKeys.ledger;
export const contactLedgerKey = (contactId: string) => [...ledgerKey, 'contact', contactId] as const;

/** One contact's gives and asks with the running balance. */
export function useContactLedger(contactId: string) {
  return useQuery({
    queryKey: contactLedgerKey(contactId),
    queryFn: () => get<ContactLedger>(`/contacts/${encodeURIComponent(contactId)}/ledger`),
  });
}

/** The whole network's balance, the people given to most and asked of most. */
export function useNetworkLedger() {
  return useQuery({ queryKey: [...ledgerKey, 'network'], queryFn: () => get<NetworkLedger>('/ledger') });
}

/** The answer carries `warning` when this was an ask against a balance that was not positive. */
export function useLogLedgerEntry(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LedgerEntryCreate) =>
      post<LedgerEntryCreated>(`/contacts/${encodeURIComponent(contactId)}/ledger`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ledgerKey }),
  });
}

export const deleteLedgerEntry = (id: string) => del(`/ledger/${encodeURIComponent(id)}`);
