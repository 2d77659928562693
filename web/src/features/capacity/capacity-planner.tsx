import type { Capacity } from '@contract/health';
import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { cadenceWords, touchesWords } from './cadence-words';
import { useApplyCapacity } from './queries';

const SHOWN_MOVES = 8;

/** The sentence for a plan no cadence can fit, with the way out (the server says the same on 409). */
export function shortfallWords(c: Capacity): string {
  const s = c.shortfall;
  if (!s) return '';
  return (
    `${s.tracked.toLocaleString('en-US')} tracked contacts: even all on a yearly cadence that is ` +
    `${touchesWords(s.floorPerWeek)} touches a week against a budget of ${c.budget.toLocaleString('en-US')}. ` +
    `Untrack ${s.untrackToFit.toLocaleString('en-US')} of them (the imported ones?) or raise the budget.`
  );
}

/** F3: the plan's touches a week against the budget, and one click that lands the suggested moves. */
export function CapacityPlanner({ plan }: { plan: Capacity }) {
  const apply = useApplyCapacity();
  const shown = plan.moves.slice(0, SHOWN_MOVES);
  const rest = plan.moves.length - shown.length;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="capacity-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="capacity-title">
          Capacity
        </Title>
        <Text>
          Your cadences ask for <b>{touchesWords(plan.touchesPerWeek)}</b> touches a week; your budget is{' '}
          <b>{plan.budget.toLocaleString('en-US')}</b> (
          <Anchor component={Link} to="/settings" underline="always">
            change it in Settings
          </Anchor>
          ).
        </Text>
        {!plan.over ? (
          <Alert color="teal" variant="light" title="Within budget">
            Nothing to slow down.
          </Alert>
        ) : plan.shortfall ? (
          <Alert color="orange" variant="light" title="No cadence can fit this budget">
            <span className="tend-wrap">{shortfallWords(plan)}</span>{' '}
            <Anchor component={Link} to="/contacts" underline="always">
              Choose whom to untrack
            </Anchor>
          </Alert>
        ) : (
          <Alert
            color="yellow"
            variant="light"
            title={`Over budget: ${plan.moves.length} cadences to slow down`}
          >
            <Stack gap="xs">
              <Text size="sm">
                After these moves: {touchesWords(plan.afterMoves)} touches a week, within the budget. The
                weakest relationships and aspirational contacts are slowed first.
              </Text>
              <List size="sm" aria-label="Suggested moves">
                {shown.map((m) => (
                  <List.Item key={m.contactId} className="tend-wrap">
                    <Anchor component={Link} to={`/contacts/${m.contactId}`}>
                      {m.name}
                    </Anchor>
                    : {cadenceWords(m.from)} → {cadenceWords(m.to)}
                  </List.Item>
                ))}
              </List>
              {rest > 0 && <Text size="sm">and {rest.toLocaleString('en-US')} more.</Text>}
              <Group>
                <Button
                  loading={apply.isPending}
                  onClick={() =>
                    apply.mutate(undefined, {
                      onSuccess: (after) =>
                        notifications.show({
                          color: 'teal',
                          message: `${plan.moves.length.toLocaleString('en-US')} cadences slowed: ${touchesWords(after.touchesPerWeek)} touches a week`,
                        }),
                      onError: (e) =>
                        notifications.show({ color: 'red', title: 'Nothing changed', message: e.message }),
                    })
                  }
                >
                  Apply these moves
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
