import { Alert, Button, Stack } from '@mantine/core';
import { ApiError } from '../api/client';

/** A failed load, said plainly, with a way to try again. */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof ApiError ? error.detail : 'Something went wrong.';
  return (
    <Stack p="md" maw={560}>
      <Alert color="red" title="Could not load this page" role="alert">
        <span className="tend-wrap">{message}</span>
      </Alert>
      {onRetry && (
        <Button variant="light" onClick={onRetry} w="fit-content">
          Try again
        </Button>
      )}
    </Stack>
  );
}
