import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** "Revoke …?" asked before a credential stops working; opened while `opened` is true. */
export function RevokeModal({
  opened,
  title,
  loading,
  onCancel,
  onRevoke,
  actionLabel = 'Revoke',
  children,
}: {
  opened: boolean;
  title: string;
  loading: boolean;
  onCancel: () => void;
  onRevoke: () => void;
  /** The confirming button's text. */
  actionLabel?: string;
  /** What stops working, in a sentence. */
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onCancel} title={title} centered>
      <Stack>
        <Text size="sm" className="tend-wrap">
          {children}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button color="red" loading={loading} onClick={onRevoke}>
            {actionLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
