import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate } from '../../lib/format';
import { useAcceptSuggestion, useDismissSuggestion, useSuggestions } from './queries';

/** People the user writes with who are not in Tend: add with one click, or dismiss for good. */
export function SuggestionsList() {
  const list = useSuggestions();
  const accept = useAcceptSuggestion();
  const dismiss = useDismissSuggestion();
  if (!list.data || list.data.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={4}>People you write with who are not in Tend</Title>
      <Table.ScrollContainer minWidth={480}>
        <Table aria-label="Suggested contacts">
          <Table.Tbody>
            {list.data.map((s) => (
              <Table.Tr key={s.address}>
                <Table.Td className="tend-wrap">
                  <Text size="sm" fw={500}>
                    {s.name || s.address}
                  </Text>
                  {s.name && (
                    <Text size="xs" c="dimmed">
                      {s.address}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {s.messages} {s.messages === 1 ? 'message' : 'messages'}, last {formatDate(s.lastAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap" justify="flex-end">
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() =>
                        accept.mutate(s.address, {
                          onSuccess: (c) =>
                            notifications.show({ color: 'teal', message: `${c.displayName} added` }),
                        })
                      }
                    >
                      Add
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="gray"
                      onClick={() => dismiss.mutate(s.address)}
                    >
                      Dismiss
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
