import type { Session } from '@contract/auth';
import { Badge, Button, Group, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { describeUserAgent } from '../../lib/user-agent';
import { fieldError, formError } from '../../ui/field-errors';
import { QueryTable } from '../../ui/query-table';
import { RevokeModal } from '../../ui/revoke-modal';
import { SettingsPanel } from '../../ui/settings-panel';
import { useChangePassword, useEndOtherSessions, useEndSession, useSessions } from '../auth/queries';

/** Settings → Account: change the password, see where you are signed in, sign out elsewhere. */
export function AccountPanel() {
  return (
    <SettingsPanel
      title="Account"
      description="Changing your password signs out every other session. API tokens keep working until you revoke them."
      gap="lg"
    >
      <PasswordForm />
      <SessionsList />
    </SettingsPanel>
  );
}

function PasswordForm() {
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: (r) => {
          setCurrent('');
          setNew('');
          notifications.show({
            color: 'teal',
            message: `Password changed; ${r.signedOutSessions} other session${r.signedOutSessions === 1 ? '' : 's'} signed out`,
          });
        },
      },
    );
  };
  const general = formError(change.error, ['currentPassword', 'newPassword']);
  return (
    <form onSubmit={submit} aria-label="Change password">
      <Stack gap="sm">
        <Title order={4}>Password</Title>
        {general && (
          <Text c="red" size="sm" role="alert">
            {general}
          </Text>
        )}
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={fieldError(change.error, 'currentPassword')}
        />
        <PasswordInput
          label="New password"
          description="At least 10 characters, and not easy to guess: a few unusual words work well"
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNew(e.currentTarget.value)}
          error={fieldError(change.error, 'newPassword')}
        />
        <Group>
          <Button
            type="submit"
            loading={change.isPending}
            disabled={!currentPassword || newPassword.length < 10}
          >
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SessionsList() {
  const sessions = useSessions();
  const end = useEndSession();
  const endOthers = useEndOtherSessions();
  const [ending, setEnding] = useState<Session | null>(null);
  const others = sessions.data?.items.filter((s) => !s.current).length ?? 0;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={4}>Where you are signed in</Title>
        <Button
          variant="light"
          color="red"
          disabled={others === 0}
          loading={endOthers.isPending}
          onClick={() =>
            endOthers.mutate(undefined, {
              onSuccess: (r) =>
                notifications.show({
                  color: 'teal',
                  message: `${r.revoked} other session${r.revoked === 1 ? '' : 's'} signed out`,
                }),
            })
          }
        >
          Sign out everywhere else
        </Button>
      </Group>
      <QueryTable
        error={sessions.error}
        rows={sessions.data?.items}
        label="Sessions"
        headers={['Device', 'Address', 'Signed in', 'Last seen']}
        minWidth={560}
      >
        {(s) => (
          <Table.Tr key={s.id}>
            <Table.Td className="tend-wrap">
              <Group gap={6}>
                <span title={s.userAgent ?? undefined}>{describeUserAgent(s.userAgent)}</span>
                {s.current && (
                  <Badge variant="light" size="sm">
                    This session
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>{s.ip ?? 'unknown'}</Table.Td>
            <Table.Td>{formatDateTime(s.createdAt)}</Table.Td>
            <Table.Td>{s.lastSeenAt ? formatDateTime(s.lastSeenAt) : 'never'}</Table.Td>
            <Table.Td>
              {!s.current && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  onClick={() => setEnding(s)}
                  aria-label={`Sign out ${describeUserAgent(s.userAgent)} from ${s.ip ?? 'unknown address'}`}
                >
                  Sign out
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      </QueryTable>
      <RevokeModal
        opened={ending !== null}
        title="Sign this session out?"
        actionLabel="Sign out"
        loading={end.isPending}
        onCancel={() => setEnding(null)}
        onRevoke={() =>
          ending &&
          end.mutate(ending.id, {
            onSuccess: () => setEnding(null),
            onError: (e) =>
              notifications.show({ color: 'red', title: 'Could not sign out', message: e.message }),
          })
        }
      >
        {ending ? describeUserAgent(ending.userAgent) : ''} will have to sign in again.
      </RevokeModal>
    </Stack>
  );
}
