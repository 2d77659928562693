import type { TripKind } from '@contract/trips';
import { Button, Group, SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../ui/field-errors';
import { FormErrorAlert } from '../../ui/form-error-alert';
import { useAddTrip } from './queries';

const FIELDS = ['name', 'city', 'country', 'startsOn', 'endsOn', 'kind'] as const;

/** Adds a trip or conference; its city is what "who is there" looks for. */
export function TripForm() {
  const add = useAddTrip();
  const [kind, setKind] = useState<TripKind>('trip');
  const [name, setName] = useState('');
  const [city, setCity] = useState('');
  const [country, setCountry] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        kind,
        ...(name.trim() && { name }),
        city,
        country: country.trim() || null,
        startsOn,
        endsOn: endsOn || startsOn,
      },
      {
        onSuccess: () => {
          setName('');
          setCity('');
          setCountry('');
          setStartsOn('');
          setEndsOn('');
        },
      },
    );
  };
  const err = (field: string) => fieldError(add.error, field);

  return (
    <form onSubmit={submit} noValidate aria-label="Add trip">
      <Stack gap="sm">
        <FormErrorAlert error={add.error} shownFields={FIELDS} />
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
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            Add trip
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
