import type { CreatedToken, Token } from '@contract/auth';
import { Button, Code, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { formatDate, formatDateTime } from '../../lib/format';
import { fieldError } from '../../ui/field-errors';
import { RevokeModal } from '../../ui/revoke-modal';
import { SecretOnceAlert } from '../../ui/secret-once-alert';
import { useCreateToken, useRevokeToken, useTokens } from '../auth/queries';

/** API tokens for scripts and the CLI: the secret is shown once, right after creation. */
export function TokensPanel() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name, {
      onSuccess: (token) => {
        setCreated(token);
        setName('');
      },
    });
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack>
        <div>
          <Title order={3}>API tokens</Title>
          <Text size="sm" c="dimmed">
            Use a token as <Code>Authorization: Bearer …</Code> for the REST API and the CLI.
          </Text>
        </div>
        {created && (
          <SecretOnceAlert
            title={`Token “${created.name}” created`}
            secret={created.token}
            label="New token"
            copyLabel="Copy token"
            onClose={() => setCreated(null)}
          />
        )}
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label="Token name"
              placeholder="e.g. laptop CLI"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={
                fieldError(create.error, 'name') ??
                (create.error && !fieldError(create.error, 'name') ? create.error.message : undefined)
              }
              style={{ flex: 1 }}
              miw={200}
            />
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              Create token
            </Button>
          </Group>
        </form>
        {tokens.isError ? (
          <Text c="red" size="sm">
            {tokens.error.message}
          </Text>
        ) : tokens.data && tokens.data.items.length > 0 ? (
          <Table.ScrollContainer minWidth={480}>
            <Table aria-label="API tokens">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Starts with</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.items.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td className="tend-wrap">{t.name}</Table.Td>
                    <Table.Td>
                      <Code>{t.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{formatDate(t.createdAt)}</Table.Td>
                    <Table.Td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'never'}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => setRevoking(t)}
                        aria-label={`Revoke ${t.name}`}
                      >
                        Revoke
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          tokens.data && (
            <Text size="sm" c="dimmed">
              No tokens yet.
            </Text>
          )
        )}
      </Stack>
      <RevokeModal
        opened={revoking !== null}
        title="Revoke token?"
        loading={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onRevoke={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => setRevoking(null),
            onError: (e) =>
              notifications.show({ color: 'red', title: 'Could not revoke', message: e.message }),
          })
        }
      >
        Anything using “{revoking?.name}” will stop working at once.
      </RevokeModal>
    </Paper>
  );
}
