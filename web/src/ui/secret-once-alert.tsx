import { Alert, Button, Code, CopyButton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A secret the server returns only at creation (API token, feed URL), with a copy button. It wraps
 * anywhere, so a long unbroken secret does not widen the alert past a phone's screen.
 */
export function SecretOnceAlert({
  title,
  secret,
  label,
  copyLabel,
  onClose,
  children,
}: {
  title: string;
  secret: string;
  /** The accessible name of the secret's text. */
  label: string;
  copyLabel: string;
  onClose: () => void;
  children?: ReactNode;
}) {
  return (
    <Alert color="teal" title={title} withCloseButton closeButtonLabel="Dismiss" onClose={onClose}>
      <Stack gap="xs">
        <Text size="sm">Copy it now: it will not be shown again.</Text>
        <Code block className="tend-wrap" aria-label={label} style={{ whiteSpace: 'pre-wrap' }}>
          {secret}
        </Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button size="compact-sm" variant="light" onClick={copy} w="fit-content">
              {copied ? 'Copied' : copyLabel}
            </Button>
          )}
        </CopyButton>
        {children}
      </Stack>
    </Alert>
  );
}
