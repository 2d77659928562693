import type { Dashboard } from '@contract/dashboard';
import { BarChart, DonutChart, LineChart } from '@mantine/charts';
import { Badge, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorPanel } from '../../ui/error-panel';
import { balanceColor, signed } from '../ledger/ledger-labels';
import { cadenceCells, percent, touchRows } from './chart-data';
import { useDashboard } from './queries';

function Card({
  id,
  title,
  caption,
  children,
}: {
  id: string;
  title: string;
  caption: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} aria-labelledby={id} miw={0}>
      <Stack gap="xs">
        <Title order={3} id={id}>
          {title}
        </Title>
        <Text size="sm" c="dimmed" className="tend-wrap">
          {caption}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

function HealthChart({ health }: { health: Dashboard['health'] }) {
  const data = health.buckets.map((b) => ({ score: b.label, Contacts: b.count }));
  return (
    <Card
      id="dash-health"
      title="Relationship health"
      caption={`Recency vs cadence for ${health.tracked} tracked contacts (the recency part of the health score, scaled to 0–100; each contact's page shows the full score).`}
    >
      <BarChart
        h={220}
        data={data}
        dataKey="score"
        series={[{ name: 'Contacts', color: 'teal.6' }]}
        tickLine="y"
      />
    </Card>
  );
}

function TouchesChart({ dashboard }: { dashboard: Dashboard }) {
  const weeks = dashboard.touches.weeks;
  const out = weeks.reduce((s, w) => s + w.outbound, 0);
  const inn = weeks.reduce((s, w) => s + w.inbound, 0);
  return (
    <Card
      id="dash-touches"
      title="Touches per week"
      caption={`Last 26 weeks (the last point is this week so far): ${out} you started, ${inn} they started.`}
    >
      <LineChart
        h={240}
        data={touchRows(dashboard)}
        dataKey="week"
        series={[
          { name: 'Outbound', color: 'teal.6' },
          { name: 'Inbound', color: 'indigo.5' },
        ]}
        curveType="monotone"
        withLegend
        withDots={false}
        tickLine="y"
      />
    </Card>
  );
}

function CadenceChart({ cadence }: { cadence: Dashboard['cadence'] }) {
  return (
    <Card
      id="dash-cadence"
      title="Cadence"
      caption={`${cadence.tracked} tracked contacts with a cadence; ad hoc and untracked people are left out.`}
    >
      <Group justify="center" gap="xl" wrap="wrap">
        <DonutChart
          data={cadenceCells(cadence)}
          size={170}
          thickness={26}
          withTooltip={cadence.tracked > 0}
          chartLabel={`${percent(cadence.onTime, cadence.tracked)}% on time`}
        />
        <Stack gap={6}>
          <Badge color="teal" variant="light" size="lg">
            On time {cadence.onTime}
          </Badge>
          <Badge color="yellow" variant="light" size="lg">
            Due {cadence.due}
          </Badge>
          <Badge color="red" variant="light" size="lg">
            Overdue {cadence.overdue}
          </Badge>
        </Stack>
      </Group>
    </Card>
  );
}

function LedgerChart({ ledger }: { ledger: Dashboard['ledger'] }) {
  const data = [
    { kind: 'Given', Entries: ledger.gives },
    { kind: 'Asked', Entries: ledger.asks },
    { kind: 'Received', Entries: ledger.received },
  ];
  return (
    <Card
      id="dash-ledger"
      title="Give and ask"
      caption={
        <>
          Network balance{' '}
          <Badge component="span" variant="light" color={balanceColor(ledger.balance)}>
            {signed(ledger.balance)}
          </Badge>{' '}
          (gives minus asks and favours received).
          {ledger.gives + ledger.asks + ledger.received === 0 &&
            " Nothing logged yet: record a give or an ask on a contact's page."}
        </>
      }
    >
      <BarChart
        h={220}
        data={data}
        dataKey="kind"
        series={[{ name: 'Entries', color: 'violet.5' }]}
        tickLine="y"
      />
    </Card>
  );
}

/** F20: how the whole network is doing, in four charts that stack on a phone. */
export function DashboardPage() {
  const dashboard = useDashboard();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Dashboard
      </Title>
      {dashboard.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading dashboard" />
        </Center>
      ) : dashboard.isError ? (
        <ErrorPanel error={dashboard.error} onRetry={() => dashboard.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <HealthChart health={dashboard.data.health} />
          <CadenceChart cadence={dashboard.data.cadence} />
          <TouchesChart dashboard={dashboard.data} />
          <LedgerChart ledger={dashboard.data.ledger} />
        </SimpleGrid>
      )}
    </Stack>
  );
}
