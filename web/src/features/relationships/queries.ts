import type {
  Relationship,
  RelationshipCreate,
  RelationshipList,
  RelationshipPatch,
} from '@contract/relationships';
import { useQuery } from '@tanstack/react-query';
import { del, get, patch, post } from '../../api/client';
import { useOptimisticList } from '../../api/optimistic-list';

export const relationshipKeys = {
  all: ['relationships'] as const,
  contact: (contactId: string) => [...relationshipKeys.all, contactId] as const,
};

export function useContactRelationships(contactId: string) {
  return useQuery({
    queryKey: relationshipKeys.contact(contactId),
    queryFn: () => get<RelationshipList>(`/contacts/${encodeURIComponent(contactId)}/relationships`),
  });
}

/**
 * Files the row on `subjectId` ("other is subject's <kind>"): for "Direct report" or "Introduced"
 * the page's contact is the other end. Both people's pages refetch.
 */
export function useAddRelationship(pageContactId: string) {
  return useOptimisticList<Relationship, RelationshipCreate & { subjectId: string }, Relationship>({
    key: relationshipKeys.contact(pageContactId),
    related: [relationshipKeys.all],
    mutationFn: ({ subjectId, ...body }) =>
      post<Relationship>(`/contacts/${encodeURIComponent(subjectId)}/relationships`, body),
    apply: (items) => items,
  });
}

export function usePatchRelationship(pageContactId: string) {
  return useOptimisticList<Relationship, { id: string; body: RelationshipPatch }, Relationship>({
    key: relationshipKeys.contact(pageContactId),
    related: [relationshipKeys.all],
    mutationFn: ({ id, body }) => patch<Relationship>(`/relationships/${encodeURIComponent(id)}`, body),
    apply: (items, { id, body }) =>
      items.map((r) =>
        r.id === id ? { ...r, ...(body.note !== undefined && { note: body.note ?? null }) } : r,
      ),
  });
}

export const deleteRelationship = (id: string) => del(`/relationships/${encodeURIComponent(id)}`);
