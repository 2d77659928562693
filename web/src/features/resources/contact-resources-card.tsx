import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { QueryList } from '../../ui/query-list';
import { useContactResources } from './queries';
import { RESOURCE_KIND_LABELS } from './resource-labels';
import { ResourceTitle } from './resource-title';
import { ShareControl } from './share-control';

/** Library resources that fit this contact, why they fit, and a way to share each. */
export function ContactResourcesCard({ contactId, contactName }: { contactId: string; contactName: string }) {
  const fits = useContactResources(contactId);
  return (
    <QueryList
      query={fits}
      label="Resources that fit"
      loading="Loading resources"
      empty="Nothing in your library fits yet. Resources match on their title and tags against this contact's interests, hobbies and recent topics."
    >
      {({ resource, matched, shared }) => (
        <Paper key={resource.id} component="li" withBorder p="xs">
          <Group justify="space-between" gap="xs" align="flex-start">
            <Stack gap={4} style={{ minWidth: 0, flex: '1 1 200px' }}>
              <Group gap={6}>
                <Badge size="xs" variant="light">
                  {RESOURCE_KIND_LABELS[resource.kind]}
                </Badge>
                {shared && (
                  <Badge size="xs" color="gray" variant="outline">
                    Shared
                  </Badge>
                )}
              </Group>
              <ResourceTitle resource={resource} />
              <Text size="xs" c="dimmed" className="tend-wrap">
                Matches: {matched.join(', ')}
              </Text>
            </Stack>
            <ShareControl
              resourceId={resource.id}
              contactId={contactId}
              contactName={contactName}
              shared={shared}
            />
          </Group>
        </Paper>
      )}
    </QueryList>
  );
}
