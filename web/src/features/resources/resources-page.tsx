import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ExpandableRow } from '../../ui/expandable-row';
import { QueryList } from '../../ui/query-list';
import { hideFromList, undoableDelete } from '../../ui/undo-delete';
import { NetworkLedgerSection } from '../ledger/network-ledger';
import { deleteResource, resourceListKey, resourcesKey, useResources } from './queries';
import { ResourceForm } from './resource-form';
import { RESOURCE_KIND_LABELS } from './resource-labels';
import { ResourceMatches } from './resource-matches';
import { ResourceTitle } from './resource-title';

/** The library of things worth passing on, who each fits, and the network's give/ask balance. */
export function ResourcesPage() {
  const resources = useResources();
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const client = useQueryClient();
  const remove = (id: string) =>
    undoableDelete({
      client,
      what: 'Resource',
      keys: [resourcesKey],
      hide: hideFromList(client, resourceListKey, id),
      remove: () => deleteResource(id),
    });

  return (
    <Stack gap="lg" maw={960}>
      <Title order={1} size="h2">
        Resources
      </Title>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Title order={3} mb="sm">
          Add a resource
        </Title>
        <ResourceForm />
      </Paper>
      <Stack gap="sm" component="section" aria-labelledby="library-title">
        <Title order={3} id="library-title">
          Library
        </Title>
        <QueryList
          query={resources}
          label="Resources"
          loading="Loading resources"
          empty="No resources yet. Add an article, tool, event or job opening you would pass on."
        >
          {(r) => (
            <ExpandableRow
              key={r.id}
              name={r.title}
              editing={editing === r.id}
              form={<ResourceForm initial={r} onDone={() => setEditing(null)} />}
              open={open === r.id}
              onToggle={() => setOpen(open === r.id ? null : r.id)}
              openLabel="Who it fits"
              closeLabel="Hide matches"
              onEdit={() => setEditing(r.id)}
              onDelete={() => remove(r.id)}
              summary={
                <Stack gap={4} style={{ minWidth: 0, flex: '1 1 220px' }}>
                  <Group gap={6}>
                    <Badge size="xs" variant="light">
                      {RESOURCE_KIND_LABELS[r.kind]}
                    </Badge>
                    {r.tags.map((t) => (
                      <Badge key={t} size="xs" variant="outline" color="gray" style={{ maxWidth: '100%' }}>
                        {t}
                      </Badge>
                    ))}
                  </Group>
                  <ResourceTitle resource={r} />
                  {r.note && (
                    <Text size="sm" c="dimmed" className="tend-wrap" style={{ whiteSpace: 'pre-wrap' }}>
                      {r.note}
                    </Text>
                  )}
                </Stack>
              }
            >
              <Paper mt="sm" p="xs" withBorder>
                <ResourceMatches resourceId={r.id} />
              </Paper>
            </ExpandableRow>
          )}
        </QueryList>
      </Stack>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <NetworkLedgerSection />
      </Paper>
    </Stack>
  );
}
