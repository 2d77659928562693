import type { Introduction } from '@contract/introductions';
import { Badge, Button, Group, Loader, Paper, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { humanize } from '../../lib/format';
import { IntroductionDraft } from './introduction-draft';
import { useAdvanceIntroduction, useIntroduction } from './queries';
import { actionLabel, activeStep, STEP_LABELS, stepSummary } from './stages';

/** One introduction: where it stands, the next message to send and the steps that may follow. */
export function IntroductionCard({ intro }: { intro: Introduction }) {
  const detail = useIntroduction(intro.id);
  const advance = useAdvanceIntroduction(intro.id);
  const phone = useMediaQuery('(max-width: 48em)');
  const current = detail.data ?? intro;
  const title = `${current.aName} → ${current.bName}`;

  return (
    <Paper component="li" withBorder p={{ base: 'sm', sm: 'md' }} aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Text fw={600} className="tend-wrap">
              {title}
            </Text>
            <Text size="sm" c="dimmed" className="tend-wrap">
              {current.reason}
            </Text>
          </Stack>
          {current.outcome && <Badge variant="light">{humanize(current.outcome)}</Badge>}
        </Group>
        {/* On a phone the seven labels do not fit in a row: show the dots and name the current step below. */}
        <Stepper
          active={activeStep(current)}
          size="xs"
          allowNextStepsSelect={false}
          iconSize={phone ? 26 : undefined}
          styles={
            phone ? { steps: { flexWrap: 'nowrap' }, separator: { marginInline: 4, minWidth: 6 } } : undefined
          }
          aria-label={`Stage of ${title}`}
          color={current.stage === 'declined' ? 'red' : 'teal'}
        >
          {STEP_LABELS.map((label) => (
            <Stepper.Step key={label} label={phone ? undefined : label} aria-label={label} />
          ))}
        </Stepper>
        {phone && (
          <Text size="sm" c="dimmed">
            {stepSummary(current)}
          </Text>
        )}
        {detail.isPending ? (
          <Loader size="xs" aria-label="Loading draft" />
        ) : (
          detail.data?.draft && (
            <IntroductionDraft draft={detail.data.draft} aName={current.aName} bName={current.bName} />
          )
        )}
        {current.nextActions.length > 0 && (
          <Group gap="xs">
            {current.nextActions.map((action) => (
              <Button
                key={action}
                size="xs"
                variant={action === 'declined' || action === 'fizzled' ? 'default' : 'light'}
                loading={advance.isPending && advance.variables?.action === action}
                disabled={advance.isPending}
                onClick={() =>
                  advance.mutate(
                    { action },
                    {
                      onError: (e) =>
                        notifications.show({ color: 'red', title: 'Could not advance', message: e.message }),
                    },
                  )
                }
              >
                {actionLabel(action, current.aName, current.bName)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
