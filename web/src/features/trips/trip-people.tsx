import { Anchor, Badge, Group, Loader, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { relativeTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { ErrorPanel } from '../../ui/error-panel';
import { useTripPeople } from './queries';

/** Who lives where the trip goes, and how long since you last talked. */
export function TripPeopleList({ tripId }: { tripId: string }) {
  const people = useTripPeople(tripId);
  const now = useNow();
  if (people.isPending) return <Loader size="xs" aria-label="Loading people" />;
  if (people.isError) return <ErrorPanel error={people.error} onRetry={() => people.refetch()} />;
  if (people.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        None of your contacts live there.
      </Text>
    );
  }
  return (
    <Stack
      gap={6}
      component="ul"
      aria-label="Who is there"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {people.data.map((p) => (
        <Group key={p.contactId} component="li" justify="space-between" gap="xs" wrap="nowrap">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Anchor
              component={Link}
              to={`/contacts/${encodeURIComponent(p.contactId)}`}
              size="sm"
              className="tend-wrap"
            >
              {p.name}
            </Anchor>
            {p.company && (
              <Text size="xs" c="dimmed" className="tend-wrap">
                {p.company}
              </Text>
            )}
          </Stack>
          <Badge size="sm" variant="light" color="gray" tt="none" style={{ flexShrink: 0 }}>
            {p.lastMeaningfulAt ? `Last contact ${relativeTime(p.lastMeaningfulAt, now)}` : 'Never contacted'}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}
