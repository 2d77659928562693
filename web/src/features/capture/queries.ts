import type { CaptureRun, Source, SourceCreate, Suggestion } from '@contract/capture';
import type { Contact } from '@contract/contacts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post, postNoContent, sendFile } from '../../api/client';

/** Query keys of capture: sources and suggestions. */
export const captureQueries = {
  all: ['capture'] as const,
  sources: () => [...captureQueries.all, 'sources'] as const,
  suggestions: () => [...captureQueries.all, 'suggestions'] as const,
};

/** The sources; polled every few seconds while one of them syncs, so its status moves on screen. */
export function useSources() {
  return useQuery({
    queryKey: captureQueries.sources(),
    queryFn: async () => (await get<{ items: Source[] }>('/sources')).items,
    refetchInterval: (q) => (q.state.data?.some((s) => s.syncing) ? 3_000 : false),
  });
}

export function useSuggestions() {
  return useQuery({
    queryKey: captureQueries.suggestions(),
    queryFn: async () => (await get<{ items: Suggestion[] }>('/capture/suggestions')).items,
  });
}

/** After a sync, everything that reads interactions may have changed (timelines, Today, health). */
function useRefreshAfterCapture() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}

export function useAddSource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SourceCreate) => post<Source>('/sources', body),
    onSuccess: () => client.invalidateQueries({ queryKey: captureQueries.sources() }),
  });
}

export function useSyncSource() {
  const refresh = useRefreshAfterCapture();
  return useMutation({
    mutationFn: (id: string) => post<CaptureRun>(`/sources/${encodeURIComponent(id)}/sync`),
    onSettled: refresh,
  });
}

/** Streams an mbox (or, with its content type, an .ics) file as the raw body (never read into memory by the page). */
export function useUploadMbox() {
  const refresh = useRefreshAfterCapture();
  return useMutation({
    mutationFn: ({ id, file, contentType }: { id: string; file: File; contentType?: string }) =>
      sendFile<CaptureRun>(
        'POST',
        `/sources/${encodeURIComponent(id)}/upload`,
        file,
        contentType ?? 'application/mbox',
      ),
    onSettled: refresh,
  });
}

export function useRemoveSource() {
  const refresh = useRefreshAfterCapture();
  return useMutation({
    mutationFn: ({ id, withCaptured }: { id: string; withCaptured: boolean }) =>
      del(`/sources/${encodeURIComponent(id)}?withCaptured=${withCaptured}`),
    onSuccess: refresh,
  });
}

export function useAcceptSuggestion() {
  const refresh = useRefreshAfterCapture();
  return useMutation({
    mutationFn: (address: string) =>
      post<Contact>(`/capture/suggestions/${encodeURIComponent(address)}/accept`),
    onSuccess: refresh,
  });
}

export function useDismissSuggestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (address: string) =>
      postNoContent(`/capture/suggestions/${encodeURIComponent(address)}/dismiss`),
    onSuccess: () => client.invalidateQueries({ queryKey: captureQueries.suggestions() }),
  });
}
