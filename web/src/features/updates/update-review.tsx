import type { UpdateSent } from '@contract/updates';
import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { Link } from 'react-router';
import { safeHref } from '../../lib/safe-url';
import { ErrorPanel } from '../../ui/error-panel';
import { formError } from '../../ui/field-errors';
import { useSendUpdate, useUpdatePreview } from './queries';

/** Each recipient's copy before anything leaves, then the choice: SMTP, or drafts to send yourself. */
export function UpdateReview({ id, onClose }: { id: string; onClose: () => void }) {
  const preview = useUpdatePreview(id);
  const send = useSendUpdate(id);

  if (preview.isPending)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the copies" />
      </Center>
    );
  if (preview.isError) return <ErrorPanel error={preview.error} onRetry={() => preview.refetch()} />;
  const { recipients, withEmail, withoutEmail, sent } = preview.data;

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{sent ? 'Sent copies' : 'Check each copy'}</Title>
          <Button variant="subtle" onClick={onClose}>
            {sent || send.data ? 'Write another' : 'Back to the text'}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {withEmail} with an e-mail address
          {withoutEmail > 0 && `; ${withoutEmail} without one will be skipped`}.
        </Text>
        <Accordion variant="separated" aria-label="Copies">
          {recipients.map((r) => (
            <Accordion.Item key={r.contactId} value={r.contactId}>
              <Accordion.Control>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={500} className="tend-wrap">
                    {r.name}
                  </Text>
                  {r.email ? (
                    <Text size="xs" c="dimmed" className="tend-wrap">
                      {r.email}
                    </Text>
                  ) : (
                    <Badge size="xs" color="gray">
                      no e-mail
                    </Badge>
                  )}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Text size="sm" fw={600} className="tend-wrap">
                  {r.subject}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} className="tend-wrap">
                  {r.body}
                </Text>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        {send.error && (
          <Alert color="red" title="Not sent" role="alert">
            <span className="tend-wrap">{formError(send.error, [])}</span>
          </Alert>
        )}
        {send.data ? (
          <SentSummary sent={send.data} />
        ) : (
          !sent && (
            <Group>
              <Button
                loading={send.isPending && send.variables === 'smtp'}
                disabled={withEmail === 0}
                onClick={() => send.mutate('smtp')}
              >
                Send by e-mail
              </Button>
              <Button
                variant="default"
                loading={send.isPending && send.variables === 'drafts'}
                disabled={withEmail === 0}
                onClick={() => send.mutate('drafts')}
              >
                Make drafts instead
              </Button>
            </Group>
          )
        )}
      </Stack>
    </Paper>
  );
}

function SentSummary({ sent }: { sent: UpdateSent }) {
  if (sent.mode === 'smtp')
    return (
      <Alert color="teal" title={`${sent.recipients.length} copies queued`}>
        They leave through your SMTP server; follow them in{' '}
        <Anchor component={Link} to="/settings">
          Settings → Outbox
        </Anchor>
        .
        {sent.skipped.length > 0 &&
          ` Skipped: ${sent.skipped.map((s) => `${s.name} (${s.reason})`).join(', ')}.`}
      </Alert>
    );
  return (
    <Stack gap="xs">
      <Text size="sm">Open each draft in your mail app and send it yourself:</Text>
      <List aria-label="Drafts" spacing={4}>
        {sent.recipients.map((r) => (
          <List.Item key={r.contactId}>
            {r.mailto ? (
              <Anchor href={safeHref(r.mailto)} className="tend-wrap">
                {r.name} · {r.email}
              </Anchor>
            ) : (
              r.name
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
