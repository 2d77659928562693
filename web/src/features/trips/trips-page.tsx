import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate } from '../../lib/format';
import { ExpandableRow } from '../../ui/expandable-row';
import { QueryList } from '../../ui/query-list';
import { hideFromList, undoableDelete } from '../../ui/undo-delete';
import { deleteTrip, tripListKey, tripsKey, useTrips } from './queries';
import { TripForm } from './trip-form';
import { TripPeopleList } from './trip-people';

/** Trips and conferences ahead and behind, each with who lives there. */
export function TripsPage() {
  const trips = useTrips();
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const client = useQueryClient();
  const remove = (id: string) =>
    undoableDelete({
      client,
      what: 'Trip',
      keys: [tripsKey],
      hide: hideFromList(client, tripListKey, id),
      remove: () => deleteTrip(id),
    });

  return (
    <Stack gap="lg" maw={960}>
      <Title order={1} size="h2">
        Trips
      </Title>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Title order={3} mb="sm">
          Add a trip
        </Title>
        <TripForm />
      </Paper>
      <QueryList
        query={trips}
        label="Trips"
        loading="Loading trips"
        empty="No trips yet. Add one to see who you could meet there."
      >
        {(t) => (
          <ExpandableRow
            key={t.id}
            name={t.name}
            editing={editing === t.id}
            form={<TripForm initial={t} onDone={() => setEditing(null)} />}
            open={open === t.id}
            onToggle={() => setOpen(open === t.id ? null : t.id)}
            openLabel="Who is there"
            closeLabel="Hide"
            onEdit={() => setEditing(t.id)}
            onDelete={() => remove(t.id)}
            summary={
              <Stack gap={2} style={{ minWidth: 0, flex: '1 1 200px' }}>
                <Group gap={6}>
                  <Text fw={600} className="tend-wrap">
                    {t.name}
                  </Text>
                  {t.kind === 'conference' && (
                    <Badge size="xs" variant="light">
                      Conference
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed" className="tend-wrap">
                  {[t.city, t.country].filter(Boolean).join(', ')} · {formatDate(t.startsOn)} –{' '}
                  {formatDate(t.endsOn)}
                </Text>
              </Stack>
            }
          >
            <Stack mt="sm">
              <TripPeopleList tripId={t.id} />
            </Stack>
          </ExpandableRow>
        )}
      </QueryList>
    </Stack>
  );
}
