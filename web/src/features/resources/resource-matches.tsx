import { Anchor, Group, Loader, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorPanel } from '../../ui/error-panel';
import { useResourceMatches } from './queries';
import { ShareControl } from './share-control';

/** The contacts a resource fits, with the words that matched and a share control each. */
export function ResourceMatches({ resourceId }: { resourceId: string }) {
  const matches = useResourceMatches(resourceId, true);
  if (matches.isPending) return <Loader size="xs" aria-label="Loading matches" />;
  if (matches.isError) return <ErrorPanel error={matches.error} onRetry={() => matches.refetch()} />;
  if (matches.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nobody's interests match this yet.
      </Text>
    );
  }
  return (
    <Stack
      gap={6}
      component="ul"
      aria-label="Who it fits"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {matches.data.map((m) => (
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
      ))}
    </Stack>
  );
}
