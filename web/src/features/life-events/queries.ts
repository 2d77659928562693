import type { LifeEvent, LifeEventCreate, LifeEventList, LifeEventPatch } from '@contract/life-events';
import { useQuery } from '@tanstack/react-query';
import { del, get, patch, post } from '../../api/client';
import { pendingId, useOptimisticList } from '../../api/optimistic-list';

export const lifeEventKeys = {
  all: ['life-events'] as const,
  contact: (contactId: string) => [...lifeEventKeys.all, contactId] as const,
};
/** A recent win heads Today's reasons, the brief and the timeline. */
export const lifeEventRelated = (contactId: string) => [
  ['timeline', contactId],
  ['brief', contactId],
  ['today'],
];

export function useContactLifeEvents(contactId: string) {
  return useQuery({
    queryKey: lifeEventKeys.contact(contactId),
    queryFn: () => get<LifeEventList>(`/contacts/${encodeURIComponent(contactId)}/life-events`),
  });
}

export function useAddLifeEvent(contactId: string) {
  return useOptimisticList<LifeEvent, LifeEventCreate, LifeEvent>({
    key: lifeEventKeys.contact(contactId),
    related: lifeEventRelated(contactId),
    mutationFn: (body) => post<LifeEvent>(`/contacts/${encodeURIComponent(contactId)}/life-events`, body),
    apply: (items, v) =>
      [
        ...items,
        { id: pendingId(), contactId, ...v, source: 'manual' as const, createdAt: new Date().toISOString() },
      ].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn)),
  });
}

/** Corrects an event in place; the list re-sorts at once, newest first. */
export function usePatchLifeEvent(contactId: string) {
  return useOptimisticList<LifeEvent, { id: string; body: LifeEventPatch }, LifeEvent>({
    key: lifeEventKeys.contact(contactId),
    related: lifeEventRelated(contactId),
    mutationFn: ({ id, body }) => patch<LifeEvent>(`/life-events/${encodeURIComponent(id)}`, body),
    apply: (items, { id, body }) =>
      items
        .map((e) =>
          e.id === id
            ? {
                ...e,
                ...(body.kind !== undefined && { kind: body.kind }),
                ...(body.title !== undefined && { title: body.title }),
                ...(body.occurredOn !== undefined && { occurredOn: body.occurredOn }),
              }
            : e,
        )
        .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn)),
  });
}

export const deleteLifeEvent = (id: string) => del(`/life-events/${encodeURIComponent(id)}`);
