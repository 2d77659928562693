import type { ContactsBulk } from '@contract/contacts-bulk';
import { Button, Group, Paper, Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { choiceOf } from '../../lib/choice';
import { CADENCE_CHOICES } from '../capacity/cadence-words';
import { useBulkUpdateContacts } from '../capacity/queries';

const DEFAULT = 'circle-default';
const NO_CIRCLE = 'no-circle';

interface Props {
  ids: string[];
  circles: { id: string; name: string }[];
  onDone: () => void;
}

/** F2: one change for every selected contact (circle, cadence, tag, tracked), in one request. */
export function ContactsBulkBar({ ids, circles, onDone }: Props) {
  const bulk = useBulkUpdateContacts();
  const [tag, setTag] = useState('');
  const n = ids.length;
  const people = `${n.toLocaleString('en-US')} ${n === 1 ? 'contact' : 'contacts'}`;
  const run = (set: ContactsBulk['set'], done: string) =>
    bulk.mutate(
      { ids, set },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: `${people}: ${done}` });
          onDone();
        },
        onError: (e) => notifications.show({ color: 'red', title: 'Nothing changed', message: e.message }),
      },
    );

  return (
    // Sticky under the header: ticking rows far down the list keeps the actions in sight.
    <Paper
      withBorder
      shadow="sm"
      p="sm"
      role="region"
      aria-label="Bulk actions"
      style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 56px) + 8px)', zIndex: 5 }}
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Text fw={600} size="sm" aria-live="polite">
          {people} selected
        </Text>
        <Select
          label="Move to circle"
          placeholder="Choose a circle"
          data={[
            ...circles.map((c) => ({ value: c.id, label: c.name })),
            { value: NO_CIRCLE, label: 'No circle' },
          ]}
          value={null}
          onChange={(v) => {
            if (!v) return;
            const name = circles.find((c) => c.id === v)?.name;
            run({ circleId: v === NO_CIRCLE ? null : v }, name ? `moved to ${name}` : 'out of their circle');
          }}
          disabled={bulk.isPending}
          w={190}
        />
        <Select
          label="Set cadence"
          placeholder="Choose a cadence"
          data={[{ value: DEFAULT, label: 'Circle default' }, ...CADENCE_CHOICES.map((c) => ({ ...c }))]}
          value={null}
          onChange={(v) => {
            const kind = choiceOf(CADENCE_CHOICES, v);
            if (v === DEFAULT) run({ cadence: null }, 'back on their circle’s cadence');
            else if (kind) run({ cadence: { kind } }, 'cadence set');
          }}
          disabled={bulk.isPending}
          w={190}
        />
        <Group gap={4} align="flex-end" wrap="nowrap">
          <TextInput
            label="Tag"
            placeholder="e.g. conference-2026"
            value={tag}
            onChange={(e) => setTag(e.currentTarget.value)}
            w={170}
          />
          <Button
            variant="default"
            disabled={!tag.trim() || bulk.isPending}
            onClick={() => run({ addTag: tag.trim() }, `tagged “${tag.trim()}”`)}
          >
            Add tag
          </Button>
        </Group>
        <Button variant="default" disabled={bulk.isPending} onClick={() => run({ tracked: true }, 'tracked')}>
          Track
        </Button>
        <Button
          variant="default"
          disabled={bulk.isPending}
          onClick={() => run({ tracked: false }, 'no longer tracked')}
        >
          Untrack
        </Button>
        <Button variant="subtle" color="gray" onClick={onDone}>
          Clear selection
        </Button>
      </Group>
    </Paper>
  );
}
