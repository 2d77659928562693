import type { CaptureRun, Source, SourceCreate } from '@contract/capture';
import type { SourcePatch, UploadQuery } from '@contract/capture-messages';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { del, patch, post, sendFile } from '../../api/client';
import { captureQueries } from './queries';

/** Sends a file as the raw body of a file source's upload (never read into memory by the page). */
export function uploadSourceFile(id: string, file: File, query: UploadQuery = {}): Promise<CaptureRun> {
  return sendFile<CaptureRun>('POST', `/sources/${encodeURIComponent(id)}/upload`, file, 'text/plain', query);
}

/** A LinkedIn or WhatsApp export read at once into a new source; a file that fails removes it again. */
export function useImportMessages() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, file, query }: { body: SourceCreate; file: File; query: UploadQuery }) => {
      const source = await post<Source>('/sources', body);
      try {
        return await uploadSourceFile(source.id, file, query);
      } catch (error) {
        await del(`/sources/${encodeURIComponent(source.id)}?withCaptured=true`);
        throw error;
      }
    },
    onSettled: () => client.invalidateQueries(),
  });
}

/** A later export into an existing LinkedIn or WhatsApp source. */
export function useUploadMessages() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file, query }: { id: string; file: File; query: UploadQuery }) =>
      uploadSourceFile(id, file, query),
    onSettled: () => client.invalidateQueries(),
  });
}

export function usePatchSource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SourcePatch }) =>
      patch<Source>(`/sources/${encodeURIComponent(id)}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: captureQueries.sources() }),
  });
}
