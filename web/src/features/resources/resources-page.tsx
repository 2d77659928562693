import { Badge, Button, Collapse, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RowActions } from '../../ui/detail-card';
import { ErrorPanel } from '../../ui/error-panel';
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
        {resources.isPending ? (
          <Loader size="sm" aria-label="Loading resources" />
        ) : resources.isError ? (
          <ErrorPanel error={resources.error} onRetry={() => resources.refetch()} />
        ) : resources.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No resources yet. Add an article, tool, event or job opening you would pass on.
          </Text>
        ) : (
          <Stack
            gap="xs"
            component="ul"
            aria-label="Resources"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {resources.data.map((r) =>
              editing === r.id ? (
                <Paper key={r.id} component="li" withBorder p="sm">
                  <ResourceForm initial={r} onDone={() => setEditing(null)} />
                </Paper>
              ) : (
                <Paper key={r.id} component="li" withBorder p="sm">
                  <Group justify="space-between" align="flex-start" gap="xs">
                    <Stack gap={4} style={{ minWidth: 0, flex: '1 1 220px' }}>
                      <Group gap={6}>
                        <Badge size="xs" variant="light">
                          {RESOURCE_KIND_LABELS[r.kind]}
                        </Badge>
                        {r.tags.map((t) => (
                          <Badge
                            key={t}
                            size="xs"
                            variant="outline"
                            color="gray"
                            style={{ maxWidth: '100%' }}
                          >
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
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-expanded={open === r.id}
                        onClick={() => setOpen(open === r.id ? null : r.id)}
                      >
                        {open === r.id ? 'Hide matches' : 'Who it fits'}
                      </Button>
                      <RowActions
                        name={r.title}
                        onEdit={() => setEditing(r.id)}
                        onDelete={() => remove(r.id)}
                      />
                    </Group>
                  </Group>
                  <Collapse expanded={open === r.id}>
                    {open === r.id && (
                      <Paper mt="sm" p="xs" bg="var(--mantine-color-default-hover)">
                        <ResourceMatches resourceId={r.id} />
                      </Paper>
                    )}
                  </Collapse>
                </Paper>
              ),
            )}
          </Stack>
        )}
      </Stack>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <NetworkLedgerSection />
      </Paper>
    </Stack>
  );
}
