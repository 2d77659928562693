import type { Note, NoteCreate, NoteList, NotePatch } from '@contract/notes';
import { useQuery } from '@tanstack/react-query';
import { del, get, patch, post } from '../../api/client';
import { pendingId, useOptimisticList } from '../../api/optimistic-list';

export const noteKeys = {
  all: ['notes'] as const,
  contact: (contactId: string) => [...noteKeys.all, contactId] as const,
};
/** Notes show on the timeline and, pinned, in the brief. */
export const noteRelated = (contactId: string) => [
  ['timeline', contactId],
  ['brief', contactId],
];

export function useContactNotes(contactId: string) {
  return useQuery({
    queryKey: noteKeys.contact(contactId),
    queryFn: () => get<NoteList>(`/contacts/${encodeURIComponent(contactId)}/notes`),
  });
}

export function useAddNote(contactId: string) {
  return useOptimisticList<Note, NoteCreate, Note>({
    key: noteKeys.contact(contactId),
    related: noteRelated(contactId),
    mutationFn: (body) => post<Note>(`/contacts/${encodeURIComponent(contactId)}/notes`, body),
    apply: (items, v) => {
      const now = new Date().toISOString();
      const note = {
        id: pendingId(),
        contactId,
        body: v.body,
        pinned: v.pinned ?? false,
        createdAt: now,
        updatedAt: now,
      };
      return v.pinned
        ? [note, ...items]
        : [...items.filter((n) => n.pinned), note, ...items.filter((n) => !n.pinned)];
    },
  });
}

export function usePatchNote(contactId: string) {
  return useOptimisticList<Note, { id: string; body: NotePatch }, Note>({
    key: noteKeys.contact(contactId),
    related: noteRelated(contactId),
    mutationFn: ({ id, body }) => patch<Note>(`/notes/${encodeURIComponent(id)}`, body),
    apply: (items, { id, body }) =>
      items.map((n) =>
        n.id === id
          ? {
              ...n,
              ...(body.body !== undefined && { body: body.body }),
              ...(body.pinned !== undefined && { pinned: body.pinned }),
            }
          : n,
      ),
  });
}

export const deleteNote = (id: string) => del(`/notes/${encodeURIComponent(id)}`);
