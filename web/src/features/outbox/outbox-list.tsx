import type { OutboxMessage } from '@contract/outbox';
import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDateTime } from '../../lib/format';
import { useOutbox, useRetryMessage } from './queries';

const STATUS_COLORS: Record<OutboxMessage['status'], string> = {
  pending: 'blue',
  sending: 'yellow',
  sent: 'teal',
  failed: 'red',
};

/** Digests and updates waiting, sent or given up on, with the last SMTP error and a retry. */
export function OutboxList() {
  const outbox = useOutbox();
  const retry = useRetryMessage();
  return (
    <Stack gap="xs">
      <Title order={4}>Outbox</Title>
      {outbox.isError ? (
        <Text c="red" size="sm">
          {outbox.error.message}
        </Text>
      ) : outbox.data && outbox.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing sent yet.
        </Text>
      ) : (
        outbox.data && (
          <Table.ScrollContainer minWidth={600}>
            <Table aria-label="Outbox" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Message</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Attempts</Table.Th>
                  <Table.Th>Last error</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outbox.data.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td className="tend-wrap">
                      <Text size="sm">{m.subject}</Text>
                      <Text size="xs" c="dimmed">
                        {m.kind} to {m.to} · {formatDateTime(m.sentAt ?? m.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[m.status]} variant="light">
                        {m.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{m.attempts}</Table.Td>
                    <Table.Td className="tend-wrap">
                      <Text size="xs" c={m.lastError ? 'red' : 'dimmed'}>
                        {m.lastError ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {(m.status === 'failed' || m.status === 'pending') && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          loading={retry.isPending && retry.variables === m.id}
                          aria-label={`Retry ${m.subject} to ${m.to}`}
                          onClick={() =>
                            retry.mutate(m.id, {
                              onError: (e) =>
                                notifications.show({
                                  color: 'red',
                                  title: 'Could not retry',
                                  message: e.message,
                                }),
                            })
                          }
                        >
                          Retry
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      )}
    </Stack>
  );
}
