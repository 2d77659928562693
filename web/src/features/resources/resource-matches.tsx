import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { QueryList } from '../../ui/query-list';
import { useResourceMatches } from './queries';
import { ShareControl } from './share-control';

/** The contacts a resource fits, with the words that matched and a share control each. */
export function ResourceMatches({ resourceId }: { resourceId: string }) {
  const matches = useResourceMatches(resourceId, true);
  return (
    <QueryList
      query={matches}
      label="Who it fits"
      loading="Loading matches"
      loaderSize="xs"
      gap={6}
      empty="Nobody's interests match this yet."
    >
      {(m) => (
        <Group key={m.contactId} component="li" justify="space-between" gap="xs" align="flex-start">
          <Stack gap={0} style={{ minWidth: 0, flex: '1 1 160px' }}>
            <Anchor
              component={Link}
              to={`/contacts/${encodeURIComponent(m.contactId)}`}
              size="sm"
              className="tend-wrap"
            >
              {m.name}
            </Anchor>
            <Text size="xs" c="dimmed" className="tend-wrap">
              Matches: {m.matched.join(', ')}
            </Text>
          </Stack>
          <ShareControl
            resourceId={resourceId}
            contactId={m.contactId}
            contactName={m.name}
            shared={m.shared}
          />
        </Group>
      )}
    </QueryList>
  );
}
