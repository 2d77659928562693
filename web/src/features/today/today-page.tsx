import type { InteractionCreate } from '@contract/interactions';
import type { TodayItem } from '@contract/today';
import {
  Button,
  Center,
  Collapse,
  EmptyState,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { openShortcuts } from '../../app/shortcuts-help';
import { ErrorPanel } from '../../ui/error-panel';
import { IconToday } from '../../ui/icons';
import { useContactCount } from '../contacts/queries';
import { LogInteractionForm } from '../interactions/log-interaction-form';
import { UpdateDueHint } from '../updates/update-due-hint';
import { CapacityHint } from './capacity-hint';
import { DoneModal } from './done-modal';
import { type TodayAction, todayKey, useToday, useTodayAction } from './queries';
import { ReachOutPanel } from './reach-out-panel';
import { SnoozeModal } from './snooze-modal';
import { TodayRow } from './today-row';
import { type QueueKey, useQueueKeys } from './use-queue-keys';

// Only an empty account sees the guided start, so it (and the capacity arithmetic it imports) is its own chunk.
const FirstRun = lazy(async () => ({ default: (await import('./first-run')).FirstRun }));

type Dialog = 'done' | 'snooze' | 'log' | null;

const DONE_WORDS = { done: 'Done', snooze: 'Snoozed', skip: 'Skipped' } as const;

/** Home: today's queue, keyboard-first (j/k, Enter, d, s, l, ?), with the brief and a draft one key away. */
export function TodayPage() {
  const today = useToday();
  const count = useContactCount();
  const firstRun = count.data === 0;
  const action = useTodayAction();
  const client = useQueryClient();
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const [showMore, more] = useDisclosure(false);
  const [index, setIndex] = useState(0);
  const [panelOpen, setPanelOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  // The dialog's contact is fixed when it opens, so a refetch reordering the list cannot swap it.
  const [target, setTarget] = useState<TodayItem | null>(null);
  const rows = useRef(new Map<string, HTMLLIElement>());
  const moved = useRef(false);

  const list = today.data ? [...today.data.items, ...(showMore ? today.data.more : [])] : [];
  const selected = list.length > 0 ? list[Math.min(index, list.length - 1)] : undefined;

  // The selection follows j/k on screen: scrolled into view and focused (unless a panel holds focus).
  useEffect(() => {
    if (!moved.current || !selected) return;
    moved.current = false;
    const row = rows.current.get(selected.contactId);
    row?.scrollIntoView({ block: 'nearest' });
    if (!panelOpen && dialog === null) row?.focus({ preventScroll: true });
  });

  const act = (a: TodayAction, name: string) => {
    if (panelOpen && target?.contactId === a.contactId) setPanelOpen(false);
    setDialog(null);
    action.mutate(a, {
      onSuccess: () => notifications.show({ color: 'teal', message: `${DONE_WORDS[a.kind]}: ${name}` }),
      onError: (error) =>
        notifications.show({ color: 'red', title: `Could not update ${name}`, message: error.message }),
    });
  };
  const openDialog = (kind: Exclude<Dialog, null>, item: TodayItem | undefined) => {
    if (!item) return;
    setTarget(item);
    setPanelOpen(false);
    setDialog(kind);
  };
  const openPanel = (item: TodayItem | undefined) => {
    if (!item) return;
    setTarget(item);
    setPanelOpen(true);
  };

  useQueueKeys(dialog === null, (key: QueueKey) => {
    if (list.length === 0) return;
    const at = Math.min(index, list.length - 1);
    if (key === 'next' || key === 'previous') {
      const next = Math.max(0, Math.min(list.length - 1, at + (key === 'next' ? 1 : -1)));
      moved.current = true;
      setIndex(next);
      if (panelOpen) setTarget(list[next] ?? null);
      return;
    }
    if (key === 'open') return openPanel(selected);
    openDialog(key, panelOpen && target ? target : selected);
  });

  if (today.isPending || count.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading today's queue" />
      </Center>
    );
  }
  if (today.isError) return <ErrorPanel error={today.error} onRetry={() => today.refetch()} />;

  const { items, more: rest, moreCount } = today.data;
  const row = (item: TodayItem, at: number) => (
    <TodayRow
      key={item.contactId}
      item={item}
      selected={selected?.contactId === item.contactId}
      rowRef={(el) => {
        if (el) rows.current.set(item.contactId, el);
        else rows.current.delete(item.contactId);
      }}
      onSelect={() => setIndex(at)}
      onOpen={() => {
        setIndex(at);
        openPanel(item);
      }}
      onDone={() => openDialog('done', item)}
      onSnooze={() => openDialog('snooze', item)}
      onSkip={() => act({ kind: 'skip', contactId: item.contactId }, item.name)}
    />
  );

  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between" align="baseline" wrap="wrap">
        <Title order={1} size="h2">
          Today
        </Title>
        <Button variant="subtle" size="compact-sm" color="gray" onClick={openShortcuts} aria-keyshortcuts="?">
          Shortcuts{' '}
          <Text span ml={6} size="xs" c="dimmed">
            ?
          </Text>
        </Button>
      </Group>

      {firstRun ? (
        <Suspense fallback={<Loader aria-label="Loading the guided start" />}>
          <FirstRun />
        </Suspense>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconToday size={28} />}
          withIndicatorBackground
          title="Nothing due today"
          description="Everyone you keep in touch with is up to date. New reasons appear here each morning."
        />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {items.length} to reach out to. <b>j</b>/<b>k</b> to move, <b>Enter</b> to open, <b>d</b> done,{' '}
            <b>s</b> snooze.
          </Text>
          <Stack component="ul" gap="xs" p={0} m={0} aria-label="Today's queue">
            {items.map((item, at) => row(item, at))}
          </Stack>
        </>
      )}

      {moreCount > 0 && (
        <Stack gap="xs">
          <Button variant="default" onClick={more.toggle} aria-expanded={showMore} w="fit-content">
            {showMore ? 'Fewer' : `More (${moreCount})`}
          </Button>
          <Collapse expanded={showMore}>
            <Stack component="ul" gap="xs" p={0} m={0} aria-label="More to reach out to">
              {rest.map((item, at) => row(item, items.length + at))}
            </Stack>
            {moreCount > rest.length && (
              <Text size="xs" c="dimmed" mt="xs">
                Showing the first {rest.length} of {moreCount}.
              </Text>
            )}
          </Collapse>
        </Stack>
      )}

      {/* An account with no one in it has no cadences to outrun and no one to send an update to. */}
      {!firstRun && <CapacityHint />}
      {!firstRun && <UpdateDueHint withLink />}

      <ReachOutPanel
        item={target}
        opened={panelOpen}
        phone={phone}
        marking={action.isPending}
        onClose={() => setPanelOpen(false)}
        onDone={() => openDialog('done', target ?? undefined)}
        onSnooze={() => openDialog('snooze', target ?? undefined)}
        onLog={() => openDialog('log', target ?? undefined)}
        onMarkDone={(log: InteractionCreate) =>
          target && act({ kind: 'done', contactId: target.contactId, log }, target.name)
        }
      />
      <DoneModal
        name={target?.name ?? ''}
        defaultChannel={target?.channel ?? 'email'}
        opened={dialog === 'done' && target !== null}
        fullScreen={phone}
        onClose={() => setDialog(null)}
        onConfirm={(log) =>
          target && act({ kind: 'done', contactId: target.contactId, ...(log && { log }) }, target.name)
        }
      />
      <SnoozeModal
        name={target?.name ?? ''}
        opened={dialog === 'snooze' && target !== null}
        fullScreen={phone}
        onClose={() => setDialog(null)}
        onSnooze={(until) =>
          target && act({ kind: 'snooze', contactId: target.contactId, until }, target.name)
        }
      />
      <Modal
        opened={dialog === 'log' && target !== null}
        onClose={() => setDialog(null)}
        title={`Log interaction with ${target?.name ?? ''}`}
        size="lg"
        fullScreen={phone}
      >
        {dialog === 'log' && target && (
          <LogInteractionForm
            contactId={target.contactId}
            defaultChannel={target.channel}
            onDone={() => {
              setDialog(null);
              // A logged touch can settle the reason it was due for.
              void client.invalidateQueries({ queryKey: todayKey });
              void client.invalidateQueries({ queryKey: ['brief', target.contactId] });
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
