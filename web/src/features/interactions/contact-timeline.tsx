import { ActionIcon, Badge, Group, Text, Timeline, Tooltip } from '@mantine/core';
import type { Interaction } from '../../../../src/contract/interactions';
import { formatDateTime } from '../../lib/format';
import { IconArrowDownLeft, IconArrowUpRight, IconTrash } from '../../ui/icons';
import { CHANNEL_LABELS, ChannelIcon } from './channel-icon';

/** Newest first: what was said, how, and who reached out. */
export function InteractionTimeline({
  items,
  onDelete,
}: {
  items: Interaction[];
  onDelete?: (id: string) => void;
}) {
  if (items.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No interactions yet. Press <b>L</b> or use “Log interaction” to record one.
      </Text>
    );
  }
  return (
    <Timeline bulletSize={28} lineWidth={2} aria-label="Timeline">
      {items.map((i) => (
        <Timeline.Item
          key={i.id}
          bullet={<ChannelIcon channel={i.channel} size={15} />}
          title={
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <Group gap={6}>
                <Text fw={600} size="sm">
                  {CHANNEL_LABELS[i.channel]}
                </Text>
                <Badge
                  size="sm"
                  variant="light"
                  color={i.direction === 'outbound' ? 'teal' : 'blue'}
                  tt="none"
                  leftSection={
                    i.direction === 'outbound' ? (
                      <IconArrowUpRight size={12} />
                    ) : (
                      <IconArrowDownLeft size={12} />
                    )
                  }
                >
                  {i.direction === 'outbound' ? 'I reached out' : 'They reached out'}
                </Badge>
                {i.awaitingReply && (
                  <Badge size="sm" variant="outline" color="orange" tt="none">
                    Awaiting reply
                  </Badge>
                )}
              </Group>
              {onDelete && (
                <Tooltip label="Delete">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    aria-label={`Delete ${CHANNEL_LABELS[i.channel]} of ${formatDateTime(i.occurredAt)}`}
                    onClick={() => onDelete(i.id)}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          }
        >
          <Text size="xs" c="dimmed">
            <time dateTime={i.occurredAt}>{formatDateTime(i.occurredAt)}</time>
          </Text>
          {i.summary && (
            <Text size="sm" mt={4} className="tend-wrap" style={{ whiteSpace: 'pre-wrap' }}>
              {i.summary}
            </Text>
          )}
          {i.topics.length > 0 && (
            <Group gap={4} mt={6}>
              {i.topics.map((t) => (
                <Badge key={t} size="xs" variant="default" tt="none">
                  {t}
                </Badge>
              ))}
            </Group>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
