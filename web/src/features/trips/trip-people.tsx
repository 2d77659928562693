import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { relativeTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { QueryList } from '../../ui/query-list';
import { useTripPeople } from './queries';

/** Who lives where the trip goes, and how long since you last talked. */
export function TripPeopleList({ tripId }: { tripId: string }) {
  const people = useTripPeople(tripId);
  const now = useNow();
  return (
    <QueryList
      query={people}
      label="Who is there"
      loading="Loading people"
      loaderSize="xs"
      gap={6}
      empty="None of your contacts live there."
    >
      {(p) => (
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
      )}
    </QueryList>
  );
}
