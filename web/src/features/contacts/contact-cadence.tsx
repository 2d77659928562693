import type { Circle } from '@contract/circles';
import type { Contact, ContactPatch } from '@contract/contacts';
import { CADENCE_UNITS } from '@contract/vocabulary';
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../ui/field-errors';
import { CADENCE_CHOICES, cadenceWords } from '../capacity/cadence-words';
import { parseCustomCadence } from '../capacity/custom-cadence';
import { useUpdateContact } from './queries';

const DEFAULT = 'circle-default';
const CUSTOM = 'custom';
const UNIT_OPTIONS = CADENCE_UNITS.map((u) => ({ value: u, label: u }));

/** "every N days/weeks/months", checked here with the field named, then by the server. */
function CustomCadenceForm({
  contact: c,
  onSave,
  onCancel,
  pending,
  error,
}: {
  contact: Contact;
  onSave: (cadence: NonNullable<ContactPatch['cadence']>) => void;
  onCancel: () => void;
  pending: boolean;
  error: unknown;
}) {
  const own = c.cadence?.kind === CUSTOM ? c.cadence : null;
  const [every, setEvery] = useState(own ? String(own.every) : '6');
  const [unit, setUnit] = useState<string | null>(own ? own.unit : 'weeks');
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseCustomCadence(every, unit);
    if ('field' in parsed) return setProblem(parsed);
    setProblem(null);
    onSave(parsed.cadence);
  };
  const messageFor = (field: string) =>
    (problem?.field === field ? problem.message : undefined) ?? fieldError(error, field);
  return (
    <form
      noValidate
      aria-label="Custom cadence"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <Group gap="xs" align="flex-start" wrap="wrap">
        <TextInput
          label="Every"
          inputMode="numeric"
          w={120}
          value={every}
          onChange={(e) => {
            setEvery(e.currentTarget.value);
            setProblem(null);
          }}
          error={messageFor('cadence.every')}
          autoFocus
        />
        <Select
          label="Unit"
          w={120}
          data={UNIT_OPTIONS}
          value={unit}
          allowDeselect={false}
          onChange={setUnit}
          error={messageFor('cadence.unit')}
        />
        <Group gap="xs" mt={25}>
          <Button type="submit" size="sm" loading={pending}>
            Save cadence
          </Button>
          <Button variant="default" size="sm" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Group>
    </form>
  );
}

/**
 * F4 on the contact page: the cadence in force, and whether it is their own or their circle's
 * default; changed in place (a keyboard-reachable select), "Circle default" clears their own, and
 * "Custom…" opens every N days/weeks/months.
 */
export function ContactCadence({ contact: c, circle }: { contact: Contact; circle?: Circle | undefined }) {
  const save = useUpdateContact(c.id);
  const [custom, setCustom] = useState(false);
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
    { value: CUSTOM, label: own?.kind === CUSTOM ? `Custom: ${cadenceWords(own)}…` : 'Custom…' },
  ];
  const store = (cadence: ContactPatch['cadence'], done: string) =>
    save.mutate(
      { cadence },
      {
        onSuccess: () => {
          setCustom(false);
          notifications.show({ color: 'teal', message: done });
        },
        onError: (e) =>
          notifications.show({ color: 'red', title: 'Cadence not changed', message: e.message }),
      },
    );
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Cadence"
          data={data}
          value={custom ? CUSTOM : own ? own.kind : DEFAULT}
          allowDeselect={false}
          disabled={save.isPending}
          w={{ base: '100%', xs: 300 }}
          onChange={(v) => {
            if (v === CUSTOM) return setCustom(true);
            setCustom(false);
            const named = CADENCE_CHOICES.find((x) => x.value === v);
            if (v === DEFAULT && own) store(null, 'Back on the circle default');
            else if (named && named.value !== own?.kind) store({ kind: named.value }, 'Cadence set');
          }}
        />
        <Text size="sm" c="dimmed" pb={8} data-testid="cadence-source">
          {!c.tracked ? 'Not tracked: never due' : own ? `Their own cadence, ${cadenceWords(own)}` : fallback}
        </Text>
        {own?.kind === CUSTOM && !custom && (
          <Button variant="subtle" size="compact-sm" mb={6} onClick={() => setCustom(true)}>
            Change every…
          </Button>
        )}
      </Group>
      {custom && (
        <CustomCadenceForm
          contact={c}
          pending={save.isPending}
          error={save.error}
          onCancel={() => setCustom(false)}
          onSave={(cadence) => store(cadence, `Cadence set: ${cadenceWords(cadence)}`)}
        />
      )}
    </Stack>
  );
}
