import { Badge, Button, Collapse, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate } from '../../lib/format';
import { RowActions } from '../../ui/detail-card';
import { ErrorPanel } from '../../ui/error-panel';
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
      {trips.isPending ? (
        <Loader size="sm" aria-label="Loading trips" />
      ) : trips.isError ? (
        <ErrorPanel error={trips.error} onRetry={() => trips.refetch()} />
      ) : trips.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No trips yet. Add one to see who you could meet there.
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          aria-label="Trips"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {trips.data.map((t) =>
            editing === t.id ? (
              <Paper key={t.id} component="li" withBorder p="sm">
                <TripForm initial={t} onDone={() => setEditing(null)} />
              </Paper>
            ) : (
              <Paper key={t.id} component="li" withBorder p="sm">
                <Group justify="space-between" align="flex-start" gap="xs">
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
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      aria-expanded={open === t.id}
                      onClick={() => setOpen(open === t.id ? null : t.id)}
                    >
                      {open === t.id ? 'Hide' : 'Who is there'}
                    </Button>
                    <RowActions name={t.name} onEdit={() => setEditing(t.id)} onDelete={() => remove(t.id)} />
                  </Group>
                </Group>
                <Collapse expanded={open === t.id}>
                  {open === t.id && (
                    <Stack mt="sm">
                      <TripPeopleList tripId={t.id} />
                    </Stack>
                  )}
                </Collapse>
              </Paper>
            ),
          )}
        </Stack>
      )}
    </Stack>
  );
}
