import type { Circle } from '@contract/circles';
import type { Contact } from '@contract/contacts';
import { Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CADENCE_CHOICES, cadenceWords } from '../capacity/cadence-words';
import { useUpdateContact } from './queries';

type NamedKind = (typeof CADENCE_CHOICES)[number]['value'];
const DEFAULT = 'circle-default';
const CUSTOM = 'custom';

/**
 * F4 on the contact page: the cadence in force, and whether it is their own or their circle's
 * default; changed in place (a keyboard-reachable select), "Circle default" clears their own.
 */
export function ContactCadence({ contact: c, circle }: { contact: Contact; circle?: Circle | undefined }) {
  const save = useUpdateContact(c.id);
  const own = c.cadence;
  // Without a circle a contact falls back to yearly (core/cadence's effectiveCadence).
  const fallback = circle
    ? `Circle default, ${circle.name}: ${cadenceWords(circle.cadence)}`
    : 'Default, no circle: yearly';
  const data = [
    {
      value: DEFAULT,
      label: circle ? `Circle default (${circle.name}: ${cadenceWords(circle.cadence)})` : 'Default (yearly)',
    },
    ...CADENCE_CHOICES.map((x) => ({ ...x })),
    ...(own?.kind === CUSTOM ? [{ value: CUSTOM, label: `Custom: ${cadenceWords(own)}` }] : []),
  ];
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label="Cadence"
        data={data}
        value={own ? own.kind : DEFAULT}
        allowDeselect={false}
        disabled={save.isPending}
        w={{ base: '100%', xs: 300 }}
        onChange={(v) => {
          if (!v || v === CUSTOM || v === (own?.kind ?? DEFAULT)) return;
          save.mutate(
            { cadence: v === DEFAULT ? null : { kind: v as NamedKind } },
            {
              onSuccess: () =>
                notifications.show({
                  color: 'teal',
                  message: v === DEFAULT ? 'Back on the circle default' : 'Cadence set',
                }),
              onError: (e) =>
                notifications.show({ color: 'red', title: 'Cadence not changed', message: e.message }),
            },
          );
        }}
      />
      <Text size="sm" c="dimmed" pb={8} data-testid="cadence-source">
        {!c.tracked ? 'Not tracked: never due' : own ? `Their own cadence, ${cadenceWords(own)}` : fallback}
      </Text>
    </Group>
  );
}
