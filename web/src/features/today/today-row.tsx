import type { TodayItem } from '@contract/today';
import { Button, Flex, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { Ref } from 'react';
import { IconClock } from '../../ui/icons';
import { CHANNEL_LABELS, ChannelIcon } from '../interactions/channel-icon';
import classes from './today-row.module.css';

/** Title @ company, or whichever of the two is known. */
export function roleOf(item: Pick<TodayItem, 'title' | 'company'>): string {
  return [item.title, item.company].filter(Boolean).join(' @ ');
}

/** How and when to reach out: the suggested channel and the send window in their zone. */
export function HowAndWhen({ item }: { item: TodayItem }) {
  return (
    <Group gap="md" wrap="wrap" c="dimmed" style={{ rowGap: 2 }}>
      <Group gap={4} wrap="nowrap">
        <ChannelIcon channel={item.channel} size={14} />
        <Text size="xs">{CHANNEL_LABELS[item.channel]}</Text>
      </Group>
      {item.sendWindow && (
        <Group gap={4} wrap="nowrap" title="Their working hours, in their time zone">
          <IconClock size={14} />
          <Text size="xs" className="tend-wrap">
            {item.sendWindow.label}
          </Text>
        </Group>
      )}
    </Group>
  );
}

/** One contact in the queue: who, why (every reason in words), how and when; actions for the mouse. */
export function TodayRow({
  item,
  selected,
  rowRef,
  onSelect,
  onOpen,
  onDone,
  onSnooze,
  onSkip,
}: {
  item: TodayItem;
  selected: boolean;
  rowRef?: Ref<HTMLLIElement>;
  onSelect: () => void;
  onOpen: () => void;
  onDone: () => void;
  onSnooze: () => void;
  onSkip: () => void;
}) {
  const role = roleOf(item);
  const others = item.reasons.filter((r) => r.text !== item.headline);
  return (
    <li
      ref={rowRef}
      className={classes.row}
      data-selected={selected || undefined}
      aria-current={selected || undefined}
      tabIndex={selected ? 0 : -1}
      onFocus={onSelect}
      aria-label={item.name}
    >
      <Paper withBorder p="sm" className={classes.card}>
        <Flex
          direction={{ base: 'column', xs: 'row' }}
          gap="sm"
          align={{ base: 'stretch', xs: 'flex-start' }}
        >
          {/* The whole text block opens the panel; the name is the button for assistive tech. */}
          {/* biome-ignore lint/a11y/useKeyWithClickEvents: Enter and o open it from the keyboard (useQueueKeys) */}
          {/* biome-ignore lint/a11y/noStaticElementInteractions: the name inside is the real button */}
          <div className={classes.main} onClick={onOpen}>
            <Group gap={6} wrap="wrap" align="baseline">
              <UnstyledButton tabIndex={-1} onClick={onOpen}>
                <Text component="span" fw={600} className="tend-wrap">
                  {item.name}
                </Text>
              </UnstyledButton>
              {role && (
                <Text component="span" size="sm" c="dimmed" className="tend-wrap">
                  {role}
                </Text>
              )}
            </Group>
            <Text fw={700} size="sm" mt={2} className="tend-wrap">
              {item.headline}
            </Text>
            {others.length > 0 && (
              <ul className={classes.reasons} aria-label="More reasons">
                {others.map((r) => (
                  <Text component="li" size="sm" key={`${r.kind}:${r.text}`} className="tend-wrap">
                    {r.text}
                  </Text>
                ))}
              </ul>
            )}
            <Stack mt={6} gap={0}>
              <HowAndWhen item={item} />
            </Stack>
          </div>
          <Group gap={4} wrap="nowrap" justify="flex-end" align="center">
            <Text
              size="xs"
              c="dimmed"
              mr={4}
              title="Priority: how pressing this is, from the reasons above (docs/today.md)"
            >
              priority {item.score}
            </Text>
            <Button
              size="compact-sm"
              variant="light"
              tabIndex={selected ? 0 : -1}
              onClick={onDone}
              aria-keyshortcuts="d"
            >
              Done
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              tabIndex={selected ? 0 : -1}
              onClick={onSnooze}
              aria-keyshortcuts="s"
            >
              Snooze
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              tabIndex={selected ? 0 : -1}
              onClick={onSkip}
            >
              Skip
            </Button>
          </Group>
        </Flex>
      </Paper>
    </li>
  );
}
