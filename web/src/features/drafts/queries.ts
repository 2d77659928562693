import type { Draft, DraftCreate, DraftLintBody, LintIssue } from '@contract/drafts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { post } from '../../api/client';

const draftKeys = {
  all: ['drafts'] as const,
  draft: (contactId: string, input: DraftCreate) => [...draftKeys.all, contactId, input] as const,
  lint: (body: DraftLintBody) => [...draftKeys.all, 'lint', body] as const,
};

/** Composing is a pure read on the server (nothing is stored or sent), so it is cached like one. */
export function useDraft(contactId: string, input: DraftCreate) {
  return useQuery({
    queryKey: draftKeys.draft(contactId, input),
    queryFn: () => post<Draft>(`/contacts/${encodeURIComponent(contactId)}/drafts`, input),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The linter on the text as edited; `enabled` is false until the user changes the draft. */
export function useLint(body: DraftLintBody, enabled: boolean) {
  return useQuery({
    queryKey: draftKeys.lint(body),
    queryFn: () => post<{ issues: LintIssue[] }>('/drafts/lint', body),
    select: (data) => data.issues,
    enabled,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
