import type { InteractionCreate } from '@contract/interactions';
import type { Channel, Direction } from '@contract/vocabulary';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { AwaitingReplyCheckbox, ChannelSelect, DirectionControl } from '../interactions/interaction-fields';

/** "Done": optionally log what happened (which resets the cadence), or just take it off today's list. */
export function DoneModal({
  name,
  defaultChannel,
  opened,
  fullScreen,
  onClose,
  onConfirm,
}: {
  name: string;
  defaultChannel: Channel;
  opened: boolean;
  fullScreen: boolean;
  onClose: () => void;
  onConfirm: (log?: InteractionCreate) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Done with ${name}`} fullScreen={fullScreen} centered>
      {opened && <DoneForm defaultChannel={defaultChannel} onClose={onClose} onConfirm={onConfirm} />}
    </Modal>
  );
}

function DoneForm({
  defaultChannel,
  onClose,
  onConfirm,
}: {
  defaultChannel: Channel;
  onClose: () => void;
  onConfirm: (log?: InteractionCreate) => void;
}) {
  const [channel, setChannel] = useState<Channel>(defaultChannel);
  const [direction, setDirection] = useState<Direction>('outbound');
  const [summary, setSummary] = useState('');
  const [awaitingReply, setAwaitingReply] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm({
      channel,
      direction,
      summary,
      topics: [],
      awaitingReply: awaitingReply && direction === 'outbound',
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          Log it to reset their cadence, or just mark it done for today.
        </Text>
        <ChannelSelect label="Channel" value={channel} onChange={setChannel} />
        <DirectionControl value={direction} onChange={setDirection} />
        <Textarea
          label="Summary"
          placeholder="What did you say or talk about?"
          autosize
          minRows={2}
          maxRows={8}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
        <AwaitingReplyCheckbox direction={direction} checked={awaitingReply} onChange={setAwaitingReply} />
        <Group justify="space-between" wrap="wrap">
          <Button variant="subtle" color="gray" onClick={onClose}>
            Cancel
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={() => onConfirm()} data-autofocus>
              Just mark done
            </Button>
            <Button type="submit">Log & mark done</Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
