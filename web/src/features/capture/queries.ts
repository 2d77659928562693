import type { CaptureRun, Source, SourceCreate, Suggestion } from '@contract/capture';
import type { Contact } from '@contract/contacts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, del, get, post, toApiError } from '../../api/client';

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
    mutationFn: async ({ id, file, contentType }: { id: string; file: File; contentType?: string }) => {
      let res: Response;
      try {
        res = await fetch(`/api/v1/sources/${encodeURIComponent(id)}/upload`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'x-tend-csrf': '1',
            accept: 'application/json',
            'content-type': contentType ?? 'application/mbox',
          },
          body: file,
        });
      } catch {
        throw new ApiError(0, 'cannot reach the server; check your connection');
      }
      if (!res.ok) throw await toApiError(res);
      return (await res.json()) as CaptureRun;
    },
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
      post<void>(`/capture/suggestions/${encodeURIComponent(address)}/dismiss`),
    onSuccess: () => client.invalidateQueries({ queryKey: captureQueries.suggestions() }),
  });
}
