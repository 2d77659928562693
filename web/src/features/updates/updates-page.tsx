import { Badge, Group, Paper, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { formatDate } from '../../lib/format';
import { LinkedInPostComposer } from '../public-posts/linkedin-post-composer';
import { useUpdates } from './queries';
import { UpdateCompose } from './update-compose';
import { UpdateDueHint } from './update-due-hint';
import { UpdateReview } from './update-review';
import { UpdateRhythm } from './update-rhythm';

/** F16: every few months, one personal update to a segment, each copy addressed to its reader. */
export function UpdatesPage() {
  const updates = useUpdates();
  const [openId, setOpenId] = useState<string | null>(null);

  return (
    <Stack gap="md" maw={880}>
      <div>
        <Title order={1} size="h2">
          Updates
        </Title>
        <Text size="sm" c="dimmed">
          A short note on what you are up to, personalised for each person and logged as an interaction.
        </Text>
      </div>
      <UpdateRhythm />
      <UpdateDueHint />
      {openId ? (
        <UpdateReview id={openId} onClose={() => setOpenId(null)} />
      ) : (
        <UpdateCompose onCreated={setOpenId} />
      )}
      <LinkedInPostComposer />
      {updates.data && updates.data.length > 0 && (
        <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
          <Title order={3} mb="sm">
            Earlier updates
          </Title>
          <Table.ScrollContainer minWidth={420}>
            <Table aria-label="Updates" highlightOnHover>
              <Table.Tbody>
                {updates.data.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td className="tend-wrap">
                      <UnstyledButton onClick={() => setOpenId(u.id)}>
                        <Text size="sm" fw={500}>
                          {u.subject}
                        </Text>
                      </UnstyledButton>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        {u.sentAt ? (
                          <Badge variant="light" color="teal">
                            {u.sendMode === 'drafts'
                              ? 'drafts'
                              : u.sendMode === 'linkedin_post'
                                ? 'shared on LinkedIn'
                                : 'sent'}{' '}
                            {formatDate(u.sentAt)}
                          </Badge>
                        ) : (
                          <Badge variant="light" color="gray">
                            not sent
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
