import type { IMPORT_ROW_STATUSES, ImportCommit, ImportRowPage, ImportRun } from '@contract/imports';
import type { MappingField } from '@contract/vocabulary';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post, put } from '../../api/client';
import { FIRST_CURSOR } from '../../api/first-cursor';

export type RowStatus = (typeof IMPORT_ROW_STATUSES)[number];
const importsKey = ['imports'] as const;
const PAGE_SIZE = 50;

export function useImportRun(id: string | null) {
  return useQuery({
    queryKey: [...importsKey, 'run', id],
    queryFn: () => get<ImportRun>(`/imports/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}

/** The previewed rows in file order, a page at a time, optionally of one status. */
export function useImportRows(id: string, status: RowStatus | null) {
  return useInfiniteQuery({
    queryKey: [...importsKey, 'rows', id, status],
    queryFn: ({ pageParam }) =>
      get<ImportRowPage>(`/imports/${encodeURIComponent(id)}/rows`, {
        status,
        cursor: pageParam,
        limit: PAGE_SIZE,
      }),
    initialPageParam: FIRST_CURSOR,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/** Caches the run the upload answered with, so the preview shows without a second request. */
export function useRememberRun() {
  const client = useQueryClient();
  return (run: ImportRun) => client.setQueryData([...importsKey, 'run', run.id], run);
}

export function useCommitImport(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<ImportCommit>) =>
      post<ImportRun>(`/imports/${encodeURIComponent(id)}/commit`, body),
    onSuccess: async (run) => {
      client.setQueryData([...importsKey, 'run', id], run);
      // New and merged contacts change every list, search and Today.
      await client.invalidateQueries({
        predicate: (q) => q.queryKey[0] !== 'imports' && q.queryKey[0] !== 'auth',
      });
    },
  });
}

export function useDiscardImport(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => del(`/imports/${encodeURIComponent(id)}`),
    onSuccess: () => client.removeQueries({ queryKey: importsKey }),
  });
}

/** PUT a generic CSV's column mapping: the server reads the file again and answers with the new preview. */
export function useRemapImport(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fields: MappingField[]) =>
      put<ImportRun>(`/imports/${encodeURIComponent(id)}/mapping`, { fields }),
    onSuccess: async (run) => {
      client.setQueryData([...importsKey, 'run', id], run);
      await client.invalidateQueries({ queryKey: [...importsKey, 'rows', id] });
    },
  });
}
