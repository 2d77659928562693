import type { Circle } from '@contract/circles';
import type { Capacity } from '@contract/health';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { touchesPerWeek } from '../../../../src/core/capacity';
import type { Cadence } from '../../../../src/core/vocabulary';
import { post } from '../../api/client';
import { humanize } from '../../lib/format';
import { IconArrowDownLeft, IconPeople, IconPlus } from '../../ui/icons';
import { useCircles } from '../circles/queries';
import { useLoadDemo } from '../contacts/queries';
import { useCapacity } from './queries';

const CADENCES = ['monthly', 'quarterly', 'twice_yearly', 'yearly'] as const;
const FIVE = 5;

interface Row {
  name: string;
  circleId: string | null;
  cadence: (typeof CADENCES)[number] | null;
}

const emptyRow = (circleId: string | null): Row => ({ name: '', circleId, cadence: null });

function cadenceLabel(c: Cadence): string {
  return c.kind === 'custom' ? `every ${c.every} ${c.unit}` : humanize(c.kind).toLowerCase();
}

/** The cadence a row will be kept at: its own pick, else its circle's default. */
function effective(row: Row, circles: Circle[]): Cadence | null {
  if (row.cadence) return { kind: row.cadence };
  return circles.find((c) => c.id === row.circleId)?.cadence ?? null;
}

/** "2.3 touches a week against your budget of 15": the plan the five rows make, before saving. */
export function plannedLoad(rows: Row[], circles: Circle[], capacity: Capacity | undefined) {
  const named = rows.filter((r) => r.name.trim());
  const added = named.reduce((sum, r) => {
    const c = effective(r, circles);
    return sum + (c ? touchesPerWeek(c) : 0);
  }, 0);
  const total = (capacity?.touchesPerWeek ?? 0) + added;
  return { people: named.length, total, budget: capacity?.budget ?? null };
}

/**
 * An empty account's Today (F5 with no one in it): three ways in — import, the demo, or the first
 * five people who matter, each with a circle and cadence and a live check against the weekly budget.
 */
export function FirstRun() {
  const [adding, setAdding] = useState(false);
  const demo = useLoadDemo();
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="first-run-title">
      <Stack gap="md">
        <div>
          <Title order={3} id="first-run-title">
            Welcome to Tend: start with the people who matter
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            No one is here yet, so there is nothing to do today. Bring your people in one of three ways; Tend
            then plans whom to reach out to, and why, each morning.
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Paper withBorder p="md">
            <Stack gap="xs" h="100%" justify="space-between">
              <div>
                <Text fw={600}>1. Import your contacts</Text>
                <Text size="sm" c="dimmed">
                  LinkedIn Connections.csv, Google or Outlook CSV, or a phone's vCard (iPhone, Android). Every
                  row is previewed before anything is saved.
                </Text>
              </div>
              <Button
                component={Link}
                to="/import"
                variant="light"
                leftSection={<IconArrowDownLeft size={16} />}
              >
                Import a file
              </Button>
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack gap="xs" h="100%" justify="space-between">
              <div>
                <Text fw={600}>2. Look around first</Text>
                <Text size="sm" c="dimmed">
                  About 300 made-up people with two years of history. Only possible while the account is
                  empty.
                </Text>
              </div>
              <Button
                variant="default"
                leftSection={<IconPeople size={16} />}
                loading={demo.isPending}
                onClick={() =>
                  demo.mutate(undefined, {
                    onSuccess: (s) =>
                      notifications.show({
                        message: `Loaded ${s.contacts} made-up people with ${s.interactions} interactions`,
                        closeButtonProps: { 'aria-label': 'Dismiss' },
                      }),
                    onError: (e) =>
                      notifications.show({
                        color: 'red',
                        title: 'Could not load the demo',
                        message: e.message,
                      }),
                  })
                }
              >
                Load the demo network
              </Button>
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack gap="xs" h="100%" justify="space-between">
              <div>
                <Text fw={600}>3. Add five people by hand</Text>
                <Text size="sm" c="dimmed">
                  The five who matter most: a mentor, a client, a peer. Pick how often to stay in touch.
                </Text>
              </div>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} />}
                onClick={() => setAdding(true)}
                disabled={adding}
              >
                Add the first five
              </Button>
            </Stack>
          </Paper>
        </SimpleGrid>
        {adding && <FirstFive onCancel={() => setAdding(false)} />}
      </Stack>
    </Paper>
  );
}

function FirstFive({ onCancel }: { onCancel: () => void }) {
  const circles = useCircles();
  const capacity = useCapacity();
  const client = useQueryClient();
  const list = circles.data ?? [];
  const [rows, setRows] = useState<Row[]>(() => Array.from({ length: FIVE }, () => emptyRow(null)));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = plannedLoad(rows, list, capacity.data);
  const over = load.budget !== null && load.total > load.budget;
  const set = (i: number, patch: Partial<Row>) =>
    setRows((old) => old.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const named = rows.filter((r) => r.name.trim());
    if (named.length === 0) return setError('Type at least one name.');
    setPending(true);
    setError(null);
    let saved = 0;
    try {
      // One contact per request, in order: if one is refused, the ones before it stay and the form says which.
      for (const r of named) {
        const [firstName = '', ...rest] = r.name.trim().split(/\s+/);
        await post('/contacts', {
          firstName,
          lastName: rest.join(' '),
          circleId: r.circleId,
          ...(r.cadence && { cadence: { kind: r.cadence } }),
        });
        saved++;
      }
      notifications.show({
        message: `Added ${saved} ${saved === 1 ? 'person' : 'people'}`,
        closeButtonProps: { 'aria-label': 'Dismiss' },
      });
      await client.invalidateQueries();
    } catch (err) {
      setError(
        `${saved ? `Added the first ${saved}; ` : ''}could not add ${named[saved]?.name}: ${err instanceof Error ? err.message : String(err)}`,
      );
      setRows((old) => old.filter((r) => !named.slice(0, saved).includes(r)));
      if (saved) await client.invalidateQueries();
    } finally {
      setPending(false);
    }
  };

  const circleOptions = list.map((c) => ({ value: c.id, label: `${c.name} (${cadenceLabel(c.cadence)})` }));
  return (
    <form onSubmit={submit} noValidate aria-label="The first five people">
      <Stack gap="sm">
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the five rows have no identity but their place
          <Group key={i} gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              label={`Person ${i + 1}`}
              placeholder={i === 0 ? 'e.g. Grace Hopper' : 'Name'}
              value={r.name}
              onChange={(e) => set(i, { name: e.currentTarget.value })}
              style={{ flex: '2 1 180px' }}
              autoFocus={i === 0}
            />
            <Select
              label={`Circle of person ${i + 1}`}
              placeholder="No circle"
              clearable
              data={circleOptions}
              value={r.circleId}
              onChange={(circleId) => set(i, { circleId })}
              style={{ flex: '2 1 180px' }}
            />
            <Select
              label={`Cadence of person ${i + 1}`}
              placeholder={r.circleId ? 'Circle default' : 'None'}
              clearable
              data={CADENCES.map((k) => ({ value: k, label: humanize(k) }))}
              value={r.cadence}
              onChange={(v) => set(i, { cadence: CADENCES.find((k) => k === v) ?? null })}
              style={{ flex: '1 1 140px' }}
            />
          </Group>
        ))}
        <Alert color={over ? 'yellow' : 'teal'} variant="light" aria-live="polite" title="Capacity check">
          <span className="tend-wrap">
            {load.people === 0
              ? 'Type a name to see what keeping in touch will take.'
              : `Keeping in touch with ${load.people} ${load.people === 1 ? 'person' : 'people'} this way takes about ${load.total.toFixed(1)} touches a week${
                  load.budget !== null ? ` against your budget of ${load.budget}` : ''
                }.${over ? ' Pick slower cadences, or raise the budget in Settings.' : ''}`}
          </span>
        </Alert>
        {error && (
          <Text c="red" size="sm" role="alert" className="tend-wrap">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Anchor component="button" type="button" size="sm" onClick={onCancel}>
            Cancel
          </Anchor>
          <Button type="submit" loading={pending}>
            Add these people
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
