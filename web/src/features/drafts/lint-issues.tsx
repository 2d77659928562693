import type { LintIssue } from '@contract/drafts';
import { Alert, Stack } from '@mantine/core';

/** What the linter found, errors in red and warnings in yellow, each with its advice. */
export function LintIssues({ issues }: { issues: LintIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <Stack gap={6} aria-label="Draft check" role="list">
      {issues.map((issue) => (
        <Alert
          key={issue.code}
          role="listitem"
          color={issue.severity === 'error' ? 'red' : 'yellow'}
          variant="light"
          p="xs"
          title={issue.severity === 'error' ? 'Fix before sending' : 'Worth a look'}
          data-severity={issue.severity}
        >
          <span className="tend-wrap">{issue.message}</span>
        </Alert>
      ))}
    </Stack>
  );
}
