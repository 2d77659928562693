import type { Interaction } from '@contract/interactions';
import { Button, Group, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Channel, Direction } from '../../../../src/core/vocabulary';
import { toLocalInput } from '../../lib/format';
import { fieldError } from '../../ui/field-errors';
import { FormErrorAlert } from '../../ui/form-error-alert';
import { AwaitingReplyCheckbox, ChannelSelect, DirectionControl } from './interaction-fields';
import { useLogInteraction, usePatchInteraction } from './queries';

const FIELDS = ['channel', 'direction', 'occurredAt', 'summary', 'topics', 'awaitingReply'] as const;

/**
 * A quick record of a conversation; `channel` starts at the contact's preferred one. Given an
 * `interaction`, the same form edits it.
 */
export function LogInteractionForm({
  contactId,
  defaultChannel,
  interaction,
  onDone,
}: {
  contactId: string;
  defaultChannel: Channel | null;
  interaction?: Interaction | undefined;
  onDone: () => void;
}) {
  const create = useLogInteraction(contactId);
  const edit = usePatchInteraction(contactId);
  const log = interaction ? edit : create;
  const [channel, setChannel] = useState<Channel>(interaction?.channel ?? defaultChannel ?? 'email');
  const [direction, setDirection] = useState<Direction>(interaction?.direction ?? 'outbound');
  const [when, setWhen] = useState(() =>
    toLocalInput(interaction ? new Date(interaction.occurredAt) : new Date()),
  );
  const [summary, setSummary] = useState(interaction?.summary ?? '');
  const [topics, setTopics] = useState<string[]>(interaction?.topics ?? []);
  const [awaitingReply, setAwaitingReply] = useState(interaction?.awaitingReply ?? false);
  const occurred = new Date(when);
  const badDate = Number.isNaN(occurred.getTime());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (badDate) return;
    const body = {
      channel,
      direction,
      occurredAt: occurred.toISOString(),
      summary,
      topics,
      // The server keeps "awaiting" only for outbound messages: they cannot owe a reply to themselves.
      awaitingReply: awaitingReply && direction === 'outbound',
    };
    if (interaction) edit.mutate({ id: interaction.id, body }, { onSuccess: onDone });
    else create.mutate(body, { onSuccess: onDone });
  };
  const err = (field: string) => fieldError(log.error, field);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormErrorAlert error={log.error} shownFields={FIELDS} />
        <Group grow align="flex-start" wrap="wrap">
          <ChannelSelect
            label="Channel"
            value={channel}
            onChange={setChannel}
            error={err('channel')}
            miw={160}
          />
          <TextInput
            label="When"
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.currentTarget.value)}
            error={badDate ? 'pick a date and time' : err('occurredAt')}
            miw={200}
          />
        </Group>
        <DirectionControl value={direction} onChange={setDirection} error={err('direction')} />
        <Textarea
          label="Summary"
          placeholder="What did you talk about?"
          autosize
          minRows={3}
          maxRows={10}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={err('summary')}
          data-autofocus
        />
        <TagsInput
          label="Topics"
          placeholder="Type and press Enter"
          value={topics}
          onChange={setTopics}
          error={err('topics')}
        />
        <AwaitingReplyCheckbox
          direction={direction}
          checked={awaitingReply}
          onChange={setAwaitingReply}
          description={direction === 'inbound' ? 'Only when you reached out' : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={log.isPending} disabled={badDate}>
            {interaction ? 'Save changes' : 'Log interaction'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
