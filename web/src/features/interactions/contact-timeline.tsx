import type { Interaction } from '@contract/interactions';
import type { TimelineEntry } from '@contract/timeline';
import { ActionIcon, Badge, Button, Group, Text, Timeline, Tooltip } from '@mantine/core';
import { formatDate, formatDateTime, humanize } from '../../lib/format';
import { IconArrowDownLeft, IconArrowUpRight, IconEdit, IconNote, IconStar, IconTrash } from '../../ui/icons';
import { CHANNEL_LABELS, ChannelIcon } from './channel-icon';

/** Newest first: conversations (how, who reached out, what about), notes and life events. */
export function ContactTimeline({
  items,
  onDeleteInteraction,
  onCelebrate,
  onEditInteraction,
}: {
  items: TimelineEntry[];
  onDeleteInteraction?: (interaction: Interaction) => void;
  onEditInteraction?: (interaction: Interaction) => void;
  /** Offered on wins (never on a challenge): "celebrate publicly" (F10). */
  onCelebrate?: (entry: Extract<TimelineEntry, { type: 'life_event' }>) => void;
}) {
  if (items.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        Nothing here yet. Press <b>L</b> or use “Log interaction” to record a conversation.
      </Text>
    );
  }
  return (
    <Timeline bulletSize={28} lineWidth={2} aria-label="Timeline">
      {items.map((entry) => {
        switch (entry.type) {
          case 'interaction':
            return (
              <Timeline.Item
                key={`i-${entry.id}`}
                bullet={<ChannelIcon channel={entry.channel} size={15} />}
                title={
                  <InteractionTitle i={entry} onDelete={onDeleteInteraction} onEdit={onEditInteraction} />
                }
              >
                <When iso={entry.occurredAt} />
                <Body text={entry.summary} />
                {entry.topics.length > 0 && (
                  <Group gap={4} mt={6}>
                    {entry.topics.map((t) => (
                      <Badge key={t} size="xs" variant="default" tt="none">
                        {t}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Timeline.Item>
            );
          case 'note':
            return (
              <Timeline.Item
                key={`n-${entry.id}`}
                bullet={<IconNote size={15} />}
                title={
                  <Group gap={6}>
                    <Text fw={600} size="sm">
                      Note
                    </Text>
                    {entry.pinned && (
                      <Badge size="sm" variant="light" color="yellow" tt="none">
                        Pinned
                      </Badge>
                    )}
                  </Group>
                }
              >
                <When iso={entry.createdAt} />
                <Body text={entry.body} />
              </Timeline.Item>
            );
          case 'life_event':
            return (
              <Timeline.Item
                key={`e-${entry.id}`}
                bullet={<IconStar size={15} />}
                title={
                  <Text fw={600} size="sm">
                    {humanize(entry.kind)}
                  </Text>
                }
              >
                <Text size="xs" c="dimmed">
                  {formatDate(entry.occurredOn)}
                </Text>
                <Body text={entry.title} />
                {onCelebrate && entry.kind !== 'challenge' && (
                  <Button variant="subtle" size="compact-xs" mt={4} onClick={() => onCelebrate(entry)}>
                    Celebrate publicly
                  </Button>
                )}
              </Timeline.Item>
            );
          default:
            return null;
        }
      })}
    </Timeline>
  );
}

function When({ iso }: { iso: string }) {
  return (
    <Text size="xs" c="dimmed">
      <time dateTime={iso}>{formatDateTime(iso)}</time>
    </Text>
  );
}

function Body({ text }: { text: string }) {
  if (!text) return null;
  return (
    <Text size="sm" mt={4} className="tend-wrap" style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Text>
  );
}

function InteractionTitle({
  i,
  onDelete,
  onEdit,
}: {
  i: Interaction;
  onDelete?: ((interaction: Interaction) => void) | undefined;
  onEdit?: ((interaction: Interaction) => void) | undefined;
}) {
  const outbound = i.direction === 'outbound';
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap">
      <Group gap={6}>
        <Text fw={600} size="sm">
          {CHANNEL_LABELS[i.channel]}
        </Text>
        <Badge
          size="sm"
          variant="light"
          color={outbound ? 'teal' : 'blue'}
          tt="none"
          leftSection={outbound ? <IconArrowUpRight size={12} /> : <IconArrowDownLeft size={12} />}
        >
          {outbound ? 'I reached out' : 'They reached out'}
        </Badge>
        {i.awaitingReply && (
          <Badge size="sm" variant="outline" color="orange" tt="none">
            Awaiting reply
          </Badge>
        )}
      </Group>
      <Group gap={2} wrap="nowrap">
        {onEdit && (
          <Tooltip label="Edit">
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={`Edit ${CHANNEL_LABELS[i.channel]} of ${formatDateTime(i.occurredAt)}`}
              onClick={() => onEdit(i)}
            >
              <IconEdit size={14} />
            </ActionIcon>
          </Tooltip>
        )}
        {onDelete && (
          <Tooltip label="Delete">
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={`Delete ${CHANNEL_LABELS[i.channel]} of ${formatDateTime(i.occurredAt)}`}
              onClick={() => onDelete(i)}
            >
              <IconTrash size={14} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Group>
  );
}
