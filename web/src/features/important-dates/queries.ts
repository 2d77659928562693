import type {
  ImportantDate,
  ImportantDateCreate,
  ImportantDateList,
  ImportantDatePatch,
} from '@contract/important-dates';
import { useQuery } from '@tanstack/react-query';
import { del, get, patch, post } from '../../api/client';
import { pendingId, useOptimisticList } from '../../api/optimistic-list';
import { queryKeys } from '../../api/query-keys';

export const dateKeys = {
  contact: queryKeys.importantDatesOf,
};
/** Dates feed Today's reasons, the brief and the calendar feed. */
export const dateRelated = (contactId: string) => [queryKeys.brief(contactId), queryKeys.today];

export function useContactDates(contactId: string) {
  return useQuery({
    queryKey: dateKeys.contact(contactId),
    queryFn: () => get<ImportantDateList>(`/contacts/${encodeURIComponent(contactId)}/dates`),
  });
}

export function useAddDate(contactId: string) {
  return useOptimisticList<ImportantDate, ImportantDateCreate, ImportantDate>({
    key: dateKeys.contact(contactId),
    related: dateRelated(contactId),
    mutationFn: (body) => post<ImportantDate>(`/contacts/${encodeURIComponent(contactId)}/dates`, body),
    apply: (items, v) => [
      ...items,
      {
        id: pendingId(),
        contactId,
        kind: v.kind,
        label: v.label ?? null,
        month: v.month,
        day: v.day,
        year: v.year ?? null,
        leadDays: v.leadDays ?? (v.kind === 'birthday' ? 7 : 3),
        createdAt: new Date().toISOString(),
      },
    ],
  });
}

export function usePatchDate(contactId: string) {
  return useOptimisticList<ImportantDate, { id: string; body: ImportantDatePatch }, ImportantDate>({
    key: dateKeys.contact(contactId),
    related: dateRelated(contactId),
    mutationFn: ({ id, body }) => patch<ImportantDate>(`/dates/${encodeURIComponent(id)}`, body),
    apply: (items, { id, body }) =>
      items.map((d) =>
        d.id === id
          ? {
              ...d,
              ...(body.kind && { kind: body.kind }),
              ...(body.label !== undefined && { label: body.label ?? null }),
              ...(body.month && { month: body.month }),
              ...(body.day && { day: body.day }),
              ...(body.year !== undefined && { year: body.year ?? null }),
              ...(body.leadDays !== undefined && { leadDays: body.leadDays }),
            }
          : d,
      ),
  });
}

export const deleteDate = (id: string) => del(`/dates/${encodeURIComponent(id)}`);
