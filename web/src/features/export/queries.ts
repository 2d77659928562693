import type { RestoreSummary } from '@contract/backup';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, post } from '../../api/client';

/** Reads a backup file and restores it; a file that is not JSON fails here, before any upload. */
export function useRestoreBackup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      let doc: unknown;
      try {
        doc = JSON.parse(await file.text());
      } catch {
        throw new ApiError(400, `${file.name} is not a JSON backup (it could not be read as JSON)`);
      }
      return post<RestoreSummary>('/import/backup', doc);
    },
    onSuccess: () => client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' }),
  });
}
