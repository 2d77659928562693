import type { InteractionCreate } from '@contract/interactions';
import type { TodayItem } from '@contract/today';
import { Button, Divider, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { ErrorPanel } from '../../ui/error-panel';
import { occasionFor } from '../drafts/occasion';
import { BriefView } from './brief-view';
import { useBrief } from './queries';
import { HowAndWhen, roleOf } from './today-row';

// The draft composer (its templates and the contract's zod schemas) loads when a panel first opens,
// not with Today's first JavaScript (bench/RESULTS.md).
const DraftSection = lazy(async () => ({ default: (await import('../drafts/draft-section')).DraftSection }));

/** The "before you reach out" panel: a drawer on desktop, the whole screen on a phone. */
export function ReachOutPanel({
  item,
  opened,
  phone,
  marking,
  onClose,
  onDone,
  onSnooze,
  onLog,
  onMarkDone,
}: {
  item: TodayItem | null;
  opened: boolean;
  phone: boolean;
  marking: boolean;
  onClose: () => void;
  onDone: () => void;
  onSnooze: () => void;
  onLog: () => void;
  onMarkDone: (log: InteractionCreate) => void;
}) {
  return (
    <Drawer
      opened={opened && item !== null}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'xl'}
      title={item?.name}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {item && (
        <PanelBody
          key={item.contactId}
          item={item}
          marking={marking}
          onDone={onDone}
          onSnooze={onSnooze}
          onLog={onLog}
          onMarkDone={onMarkDone}
        />
      )}
    </Drawer>
  );
}

function PanelBody({
  item,
  marking,
  onDone,
  onSnooze,
  onLog,
  onMarkDone,
}: {
  item: TodayItem;
  marking: boolean;
  onDone: () => void;
  onSnooze: () => void;
  onLog: () => void;
  onMarkDone: (log: InteractionCreate) => void;
}) {
  const brief = useBrief(item.contactId);
  const role = roleOf(item);
  return (
    <Stack gap="md">
      <Stack gap={4}>
        {role && (
          <Text size="sm" c="dimmed" className="tend-wrap">
            {role}
          </Text>
        )}
        <Text fw={700} className="tend-wrap">
          {item.headline}
        </Text>
        {item.reasons
          .filter((r) => r.text !== item.headline)
          .map((r) => (
            <Text size="sm" key={`${r.kind}:${r.text}`} className="tend-wrap">
              {r.text}
            </Text>
          ))}
        <HowAndWhen item={item} />
      </Stack>
      <Group gap="xs" wrap="wrap">
        <Button size="xs" onClick={onDone} aria-keyshortcuts="d" title="Shortcut: D">
          Done
        </Button>
        <Button size="xs" variant="default" onClick={onSnooze} aria-keyshortcuts="s" title="Shortcut: S">
          Snooze
        </Button>
        <Button size="xs" variant="default" onClick={onLog} aria-keyshortcuts="l" title="Shortcut: L">
          Log interaction
        </Button>
      </Group>
      <Divider />
      {brief.isPending ? (
        <Loader size="sm" aria-label="Loading the brief" />
      ) : brief.isError ? (
        <ErrorPanel error={brief.error} onRetry={() => brief.refetch()} />
      ) : (
        <BriefView brief={brief.data} />
      )}
      <Divider />
      <Suspense fallback={<Loader size="sm" aria-label="Loading the draft" />}>
        <DraftSection
          contactId={item.contactId}
          defaultOccasion={occasionFor(item.reasons.find((r) => r.text === item.headline) ?? item.reasons[0])}
          defaultChannel={item.channel}
          onMarkDone={onMarkDone}
          marking={marking}
        />
      </Suspense>
    </Stack>
  );
}
