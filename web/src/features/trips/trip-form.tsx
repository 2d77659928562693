import type { Trip, TripKind } from '@contract/trips';
import { Button, Group, SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { FormButtons } from '../../ui/detail-card';
import { fieldError } from '../../ui/field-errors';
import { FormErrorAlert } from '../../ui/form-error-alert';
import { useAddTrip, usePatchTrip } from './queries';

const FIELDS = ['name', 'city', 'country', 'startsOn', 'endsOn', 'kind'] as const;

/**
 * Adds a trip or conference; its city is what "who is there" looks for. Given `initial`, the same
 * form edits that trip (Save, Cancel, Escape); an emptied name keeps the one it has.
 */
export function TripForm({ initial, onDone }: { initial?: Trip; onDone?: () => void }) {
  const add = useAddTrip();
  const edit = usePatchTrip();
  const mutation = initial ? edit : add;
  const [kind, setKind] = useState<TripKind>(initial?.kind ?? 'trip');
  const [name, setName] = useState(initial?.name ?? '');
  const [city, setCity] = useState(initial?.city ?? '');
  const [country, setCountry] = useState(initial?.country ?? '');
  const [startsOn, setStartsOn] = useState(initial?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(initial?.endsOn ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      kind,
      ...(name.trim() && { name }),
      city,
      country: country.trim() || null,
      startsOn,
      endsOn: endsOn || startsOn,
    };
    if (initial) {
      edit.mutate({ id: initial.id, body }, { onSuccess: () => onDone?.() });
      return;
    }
    add.mutate(body, {
      onSuccess: () => {
        setName('');
        setCity('');
        setCountry('');
        setStartsOn('');
        setEndsOn('');
      },
    });
  };
  const err = (field: string) => fieldError(mutation.error, field);

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={initial ? `Edit ${initial.name}` : 'Add trip'}
      onKeyDown={(e) => initial && e.key === 'Escape' && onDone?.()}
    >
      <Stack gap="sm">
        <FormErrorAlert error={mutation.error} shownFields={FIELDS} />
        <SegmentedControl
          aria-label="Kind"
          value={kind}
          onChange={(v) => setKind(v === 'conference' ? 'conference' : 'trip')}
          data={[
            { value: 'trip', label: 'Trip' },
            { value: 'conference', label: 'Conference' },
          ]}
          w="fit-content"
        />
        <TextInput
          label="Name"
          placeholder="Defaults to the city"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={err('name')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label="City"
            required
            value={city}
            onChange={(e) => setCity(e.currentTarget.value)}
            error={err('city')}
          />
          <TextInput
            label="Country"
            value={country}
            onChange={(e) => setCountry(e.currentTarget.value)}
            error={err('country')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label="From"
            type="date"
            required
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
            error={err('startsOn')}
          />
          <TextInput
            label="To"
            type="date"
            value={endsOn}
            min={startsOn || undefined}
            onChange={(e) => setEndsOn(e.currentTarget.value)}
            error={err('endsOn')}
          />
        </SimpleGrid>
        {initial ? (
          <FormButtons pending={edit.isPending} onCancel={() => onDone?.()} />
        ) : (
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              Add trip
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
