import type { DraftOccasion } from '@contract/drafts';
import { DRAFT_OCCASIONS } from '@contract/drafts';
import type { InteractionCreate } from '@contract/interactions';
import type { Channel } from '@contract/vocabulary';
import { Alert, Button, Group, Loader, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useClipboard, useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { ChannelSelect } from '../interactions/interaction-fields';
import { LintIssues } from './lint-issues';
import { OCCASION_LABELS } from './occasion';
import { useDraft, useLint } from './queries';
import { relink } from './relink';

const OCCASIONS = DRAFT_OCCASIONS.map((value) => ({ value, label: OCCASION_LABELS[value] }));
const LINT_DELAY_MS = 400;

/**
 * A draft for the occasion the queue suggests, editable, linted as it changes, opened in the user's
 * own app through plain links. Tend sends nothing; after a link is used, one click marks it done.
 */
export function DraftSection({
  contactId,
  defaultOccasion,
  defaultChannel,
  onMarkDone,
  marking,
}: {
  contactId: string;
  defaultOccasion: DraftOccasion;
  defaultChannel: Channel;
  onMarkDone: (log: InteractionCreate) => void;
  marking: boolean;
}) {
  const [occasion, setOccasion] = useState<DraftOccasion>(defaultOccasion);
  const [channel, setChannel] = useState<Channel>(defaultChannel);
  const draft = useDraft(contactId, { occasion, channel });
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [usedChannel, setUsedChannel] = useState<Channel | null>(null);
  const clipboard = useClipboard({ timeout: 2000 });

  // A new draft (another occasion or channel) replaces whatever was typed.
  useEffect(() => {
    if (draft.data) {
      setSubject(draft.data.subject);
      setBody(draft.data.body);
    }
  }, [draft.data]);

  const [debounced] = useDebouncedValue(body, LINT_DELAY_MS);
  const edited = !!draft.data && debounced !== draft.data.body;
  const lint = useLint({ body: debounced, channel, contactId }, edited && debounced.trim() !== '');
  const issues = !draft.data ? [] : edited ? (lint.data ?? []) : draft.data.lint;
  const links = draft.data
    ? relink(draft.data.links, { ...(channel === 'email' && { subject }), body })
    : null;
  const used = (via: Channel) => () => setUsedChannel(via);
  const copy = (via: Channel) => () => {
    clipboard.copy(channel === 'email' && subject ? `${subject}\n\n${body}` : body);
    setUsedChannel(via);
  };

  return (
    <Stack gap="sm" aria-label="Draft">
      <Title order={4}>Draft</Title>
      <Group grow align="flex-start" wrap="wrap">
        <Select
          label="Occasion"
          data={OCCASIONS}
          value={occasion}
          allowDeselect={false}
          onChange={(value) => {
            const next = DRAFT_OCCASIONS.find((o) => o === value);
            if (next) setOccasion(next);
          }}
          miw={180}
        />
        <ChannelSelect label="Channel" value={channel} onChange={setChannel} miw={160} />
      </Group>
      {draft.isPending ? (
        <Loader size="sm" aria-label="Writing a draft" />
      ) : draft.isError ? (
        <Alert color="red" role="alert">
          <span className="tend-wrap">
            {draft.error instanceof ApiError ? draft.error.detail : 'Could not write a draft.'}
          </span>
        </Alert>
      ) : (
        <>
          {channel === 'email' && (
            <TextInput label="Subject" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
          )}
          <Textarea
            label="Message"
            autosize
            minRows={5}
            maxRows={14}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={body.trim() === '' ? 'Write something first' : undefined}
          />
          <LintIssues issues={issues} />
          <Group gap="xs" wrap="wrap">
            {links?.mailto && (
              <Button component="a" href={links.mailto} onClick={used('email')}>
                Open in mail
              </Button>
            )}
            {links?.sms && (
              <Button component="a" href={links.sms} variant="default" onClick={used('text')}>
                Text
              </Button>
            )}
            {links?.whatsapp && (
              <Button
                component="a"
                href={links.whatsapp}
                target="_blank"
                rel="noopener noreferrer"
                variant="default"
                onClick={used('text')}
              >
                WhatsApp
              </Button>
            )}
            {links?.linkedin && (
              <Button
                component="a"
                href={links.linkedin}
                target="_blank"
                rel="noopener noreferrer"
                variant="default"
                // LinkedIn cannot prefill a message: the text goes to the clipboard for pasting.
                onClick={copy('linkedin')}
              >
                LinkedIn
              </Button>
            )}
            <Button variant="default" onClick={copy(channel)}>
              {clipboard.copied ? 'Copied' : 'Copy'}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Tend sends nothing: the buttons open your own mail or messaging app with this text.
          </Text>
          {usedChannel && (
            <Alert color="teal" variant="light" p="sm">
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Text size="sm">Sent it? Record it so the queue moves on.</Text>
                <Button
                  size="xs"
                  loading={marking}
                  onClick={() =>
                    onMarkDone({
                      channel: usedChannel,
                      direction: 'outbound',
                      summary: (channel === 'email' && subject ? `${subject}: ${body}` : body).slice(0, 2000),
                      topics: [],
                      awaitingReply: true,
                    })
                  }
                >
                  Mark done & log
                </Button>
              </Group>
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}
