import type { NetworkLedger } from '@contract/ledger';
import { Anchor, Badge, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorPanel } from '../../ui/error-panel';
import { balanceColor, signed } from './ledger-labels';
import { useNetworkLedger } from './queries';

function People({ title, people }: { title: string; people: NetworkLedger['topGivenTo'] }) {
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {title}
      </Text>
      {people.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody yet.
        </Text>
      ) : (
        people.slice(0, 5).map((p) => (
          <Group key={p.contactId} gap="xs" wrap="nowrap" justify="space-between">
            <Anchor
              component={Link}
              to={`/contacts/${encodeURIComponent(p.contactId)}`}
              size="sm"
              className="tend-wrap"
            >
              {p.name}
            </Anchor>
            <Badge size="sm" variant="light" color={balanceColor(p.balance)} style={{ flexShrink: 0 }}>
              {signed(p.balance)}
            </Badge>
          </Group>
        ))
      )}
    </Stack>
  );
}

/** How much you give across the whole network, and with whom it is most lopsided. */
export function NetworkLedgerSection() {
  const ledger = useNetworkLedger();
  return (
    <Stack gap="sm" component="section" aria-labelledby="network-ledger-title">
      <Title order={3} id="network-ledger-title">
        Give and ask balance
      </Title>
      {ledger.isPending ? (
        <Loader size="sm" aria-label="Loading balance" />
      ) : ledger.isError ? (
        <ErrorPanel error={ledger.error} onRetry={() => ledger.refetch()} />
      ) : (
        <>
          <Group gap="xs">
            <Badge size="lg" variant="light" color={balanceColor(ledger.data.balance)}>
              Network balance {signed(ledger.data.balance)}
            </Badge>
            <Text size="xs" c="dimmed">
              {ledger.data.gives} given · {ledger.data.asks} asked · {ledger.data.received} received
            </Text>
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <People title="Given to most" people={ledger.data.topGivenTo} />
            <People title="Asked of most" people={ledger.data.mostAsked} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
