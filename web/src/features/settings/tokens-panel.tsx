import type { CreatedToken, Token, TokenScope } from '@contract/auth';
import { Badge, Button, Checkbox, Code, Group, Select, Table, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { choicesOf } from '../../lib/choice';
import { formatDate, formatDateTime } from '../../lib/format';
import { fieldError, formError } from '../../ui/field-errors';
import { QueryTable } from '../../ui/query-table';
import { RevokeModal } from '../../ui/revoke-modal';
import { SecretOnceAlert } from '../../ui/secret-once-alert';
import { SettingsPanel } from '../../ui/settings-panel';
import { useCreateToken, useRevokeToken, useTokens } from '../auth/queries';

const SCOPES: { value: TokenScope; label: string }[] = [
  { value: 'read', label: 'Read' },
  { value: 'write', label: 'Write (includes read)' },
  { value: 'dav', label: 'CardDAV/CalDAV' },
  { value: 'admin', label: 'Admin (tokens, backup export, feeds)' },
];

const EXPIRY = [
  { value: 'never', label: 'Never expires' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
];

/** API tokens for scripts and the CLI: the secret is shown once, right after creation. */
export function TokensPanel() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['write']);
  const [expiry, setExpiry] = useState('never');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const days = expiry === 'never' ? null : Number(expiry);
    const expiresAt = days === null ? undefined : new Date(Date.now() + days * 86_400_000).toISOString();
    create.mutate(
      { name, scopes, ...(expiresAt && { expiresAt }) },
      {
        onSuccess: (token) => {
          setCreated(token);
          setName('');
        },
      },
    );
  };

  return (
    <SettingsPanel
      title="API tokens"
      description={
        <>
          Use a token as <Code>Authorization: Bearer …</Code> for the REST API and the CLI.
        </>
      }
    >
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
              fieldError(create.error, 'name') ?? formError(create.error, ['name', 'scopes', 'expiresAt'])
            }
            style={{ flex: 1 }}
            miw={200}
          />
          <Select
            label="Expires"
            data={EXPIRY}
            value={expiry}
            onChange={(v) => setExpiry(v ?? 'never')}
            allowDeselect={false}
            w={160}
          />
          <Button type="submit" loading={create.isPending} disabled={!name.trim() || scopes.length === 0}>
            Create token
          </Button>
        </Group>
        <Checkbox.Group
          mt="sm"
          label="Scopes"
          value={scopes}
          onChange={(v) => setScopes(choicesOf(SCOPES, v))}
          error={fieldError(create.error, 'scopes') ?? fieldError(create.error, 'expiresAt')}
        >
          <Group gap="md" mt={4}>
            {SCOPES.map((s) => (
              <Checkbox key={s.value} value={s.value} label={s.label} />
            ))}
          </Group>
        </Checkbox.Group>
      </form>
      <QueryTable
        error={tokens.error}
        rows={tokens.data?.items}
        label="API tokens"
        headers={['Name', 'Starts with', 'Scopes', 'Created', 'Expires', 'Last used']}
        minWidth={640}
        empty="No tokens yet."
      >
        {(t) => (
          <Table.Tr key={t.id}>
            <Table.Td className="tend-wrap">{t.name}</Table.Td>
            <Table.Td>
              <Code>{t.prefix}…</Code>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {t.scopes.map((s) => (
                  <Badge key={s} variant="light" size="sm">
                    {s}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>{formatDate(t.createdAt)}</Table.Td>
            <Table.Td>{t.expiresAt ? formatDate(t.expiresAt) : 'never'}</Table.Td>
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
        )}
      </QueryTable>
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
    </SettingsPanel>
  );
}
