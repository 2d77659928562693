import type { Circle } from '@contract/circles';
import {
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { choiceOf } from '../../lib/choice';
import { ErrorPanel } from '../../ui/error-panel';
import { fieldError } from '../../ui/field-errors';
import { CADENCE_CHOICES, touchesWords } from '../capacity/cadence-words';
import { CapacityPlanner } from '../capacity/capacity-planner';
import { useCapacityPlan } from '../capacity/queries';
import { CircleColorSelect } from './circle-color-select';
import { colorName } from './circle-dot';
import { useCircles, useCreateCircle, usePatchCircle } from './queries';

const choices = CADENCE_CHOICES.map((c) => ({ ...c }));

/** F2 + F4 + F3: circles with their default cadence and size, and the capacity they add up to. */
export function CirclesPage() {
  const circles = useCircles();
  const plan = useCapacityPlan();
  if (circles.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading circles" />
      </Center>
    );
  }
  if (circles.isError) return <ErrorPanel error={circles.error} onRetry={() => circles.refetch()} />;
  const touches = new Map((plan.data?.circles ?? []).map((c) => [c.circleId, c.touchesPerWeek]));
  return (
    <Stack gap="lg" maw={960}>
      <Title order={1} size="h2">
        Circles
      </Title>
      <Text c="dimmed" size="sm">
        Each circle gives its people a default cadence; a contact's own cadence overrides it. Rename a circle,
        colour it or change its cadence here; move people in bulk from the contacts list.
      </Text>
      <NewCircleForm />
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" aria-label="Circles">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Colour</Table.Th>
              <Table.Th>Default cadence</Table.Th>
              <Table.Th ta="right">Contacts</Table.Th>
              <Table.Th ta="right">Touches a week</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {circles.data.map((c) => (
              <CircleRow key={c.id} circle={c} touches={touches.get(c.id) ?? 0} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {plan.data && <CapacityPlanner plan={plan.data} />}
    </Stack>
  );
}

function NewCircleForm() {
  const create = useCreateCircle();
  const [name, setName] = useState('');
  const [cadence, setCadence] = useState<string | null>('quarterly');
  const [color, setColor] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, kind: 'other', cadence: { kind: choiceOf(CADENCE_CHOICES, cadence) ?? 'quarterly' }, color },
      {
        onSuccess: (c) => {
          setName('');
          setColor(null);
          notifications.show({ color: 'teal', message: `Circle “${c.name}” created` });
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label="New circle">
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="New circle"
          placeholder="e.g. Founders I advise"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(create.error, 'name')}
          style={{ flex: 1, minWidth: 200 }}
        />
        <Select
          label="Default cadence"
          data={choices}
          value={cadence}
          onChange={setCadence}
          allowDeselect={false}
          w={200}
        />
        <CircleColorSelect label="Colour" value={color} onChange={setColor} />
        <Button type="submit" loading={create.isPending}>
          Create circle
        </Button>
      </Group>
    </Paper>
  );
}

function CircleRow({ circle, touches }: { circle: Circle; touches: number }) {
  const save = usePatchCircle();
  const [name, setName] = useState(circle.name);
  const rename = () => {
    const next = name.trim();
    if (!next || next === circle.name) return setName(circle.name);
    save.mutate(
      { id: circle.id, body: { name: next } },
      { onSuccess: () => notifications.show({ color: 'teal', message: `Renamed to “${next}”` }) },
    );
  };
  const custom = circle.cadence.kind === 'custom';
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput
          aria-label={`Name of ${circle.name}`}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={rename}
          onKeyDown={(e) => e.key === 'Enter' && rename()}
          error={fieldError(save.error, 'name')}
          variant="unstyled"
          fw={600}
        />
      </Table.Td>
      <Table.Td>
        <CircleColorSelect
          ariaLabel={`Colour of ${circle.name}`}
          value={circle.color}
          onChange={(color) =>
            save.mutate(
              { id: circle.id, body: { color } },
              {
                onSuccess: () =>
                  notifications.show({
                    color: 'teal',
                    message: color
                      ? `${circle.name} is ${colorName(color).toLowerCase()}`
                      : `${circle.name}: no colour`,
                  }),
              },
            )
          }
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`Default cadence of ${circle.name}`}
          data={custom ? [...choices, { value: 'custom', label: 'Custom' }] : choices}
          value={circle.cadence.kind}
          allowDeselect={false}
          onChange={(value) => {
            // 'custom' is shown, not chosen: a custom rhythm is set on the contact page.
            const kind = choiceOf(CADENCE_CHOICES, value);
            if (kind) save.mutate({ id: circle.id, body: { cadence: { kind } } });
          }}
          w={200}
        />
      </Table.Td>
      <Table.Td ta="right">
        <Anchor component={Link} to={`/contacts?circleId=${encodeURIComponent(circle.id)}`}>
          {circle.contactCount.toLocaleString('en-US')}
        </Anchor>
      </Table.Td>
      <Table.Td ta="right">{touchesWords(touches)}</Table.Td>
    </Table.Tr>
  );
}
