import type { CatchUp, CatchUpFormat } from '@contract/catch-ups';
import { Alert, Anchor, Button, Group, Loader, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { FormButtons } from '../../ui/detail-card';
import { ErrorPanel } from '../../ui/error-panel';
import { fieldError } from '../../ui/field-errors';
import { FormErrorAlert } from '../../ui/form-error-alert';
import { PlainList } from '../../ui/plain-list';
import { FORMAT_LABELS, FORMAT_OPTIONS, invitationHref, isCatchUpFormat } from './format-labels';
import {
  useCancelCatchUp,
  useCompleteCatchUp,
  usePlanCatchUp,
  useSlots,
  useUpcomingCatchUps,
} from './queries';

/**
 * A planned catch-up: its invitation, "Mark done" (logs the interaction, with an optional summary)
 * and "Cancel", which asks once before it takes the plan away.
 */
function Planned({ catchUp, contactId }: { catchUp: CatchUp; contactId: string }) {
  const href = invitationHref(catchUp.invitationUrl);
  const [step, setStep] = useState<'idle' | 'done' | 'cancel'>('idle');
  const [summary, setSummary] = useState('');
  const complete = useCompleteCatchUp(contactId);
  const cancel = useCancelCatchUp();
  const when = `${FORMAT_LABELS[catchUp.format]} · ${formatDateTime(catchUp.startAt)}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    complete.mutate(
      { id: catchUp.id, body: { summary, topics: [] } },
      { onSuccess: () => notifications.show({ color: 'teal', message: 'Catch-up logged' }) },
    );
  };
  return (
    <Stack component="li" gap={6}>
      <Group gap="xs" justify="space-between">
        <Text size="sm" className="tend-wrap" style={{ minWidth: 0 }}>
          {when}
        </Text>
        <Group gap="xs">
          {href && (
            <Anchor href={href} download size="sm">
              Download .ics
            </Anchor>
          )}
          {step === 'idle' && (
            <>
              <Button
                size="compact-xs"
                variant="light"
                aria-label={`Mark done: ${when}`}
                onClick={() => setStep('done')}
              >
                Mark done
              </Button>
              <Button
                size="compact-xs"
                variant="default"
                aria-label={`Cancel: ${when}`}
                onClick={() => setStep('cancel')}
              >
                Cancel
              </Button>
            </>
          )}
        </Group>
      </Group>
      {step === 'cancel' && (
        <Group gap="xs" role="group" aria-label={`Cancel ${when}?`}>
          <Text size="sm">Cancel this catch-up?</Text>
          <Button
            size="compact-xs"
            color="red"
            loading={cancel.isPending}
            onClick={() =>
              cancel.mutate(catchUp.id, {
                onSuccess: () => notifications.show({ message: 'Catch-up cancelled' }),
                onError: (e) =>
                  notifications.show({ color: 'red', title: 'Could not cancel', message: e.message }),
              })
            }
          >
            Yes, cancel it
          </Button>
          <Button size="compact-xs" variant="default" autoFocus onClick={() => setStep('idle')}>
            Keep it
          </Button>
        </Group>
      )}
      {step === 'done' && (
        <form
          onSubmit={submit}
          noValidate
          aria-label={`Log ${when}`}
          onKeyDown={(e) => e.key === 'Escape' && setStep('idle')}
        >
          <Stack gap="xs">
            <FormErrorAlert error={complete.error} shownFields={['summary', 'topics']} />
            <Textarea
              label="What did you talk about?"
              autosize
              minRows={2}
              maxRows={6}
              value={summary}
              onChange={(e) => setSummary(e.currentTarget.value)}
              error={fieldError(complete.error, 'summary')}
              autoFocus
            />
            <FormButtons pending={complete.isPending} onCancel={() => setStep('idle')} save="Log catch-up" />
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/** Suggests times that suit both zones and plans one; the invitation comes as an .ics file. */
export function CatchUpCard({ contactId }: { contactId: string }) {
  const [format, setFormat] = useState<CatchUpFormat>('virtual_coffee');
  const slots = useSlots(contactId, format);
  const upcoming = useUpcomingCatchUps(contactId);
  const plan = usePlanCatchUp(contactId);

  return (
    <Stack gap="sm">
      <Select
        label="Format"
        data={FORMAT_OPTIONS}
        value={format}
        allowDeselect={false}
        onChange={(value) => isCatchUpFormat(value) && setFormat(value)}
        maw={260}
      />
      {slots.isPending ? (
        <Loader size="sm" aria-label="Loading slots" />
      ) : slots.isError ? (
        <ErrorPanel error={slots.error} onRetry={() => slots.refetch()} />
      ) : (
        <>
          {slots.data.assumedZone && (
            <Alert color="blue" className="tend-wrap">
              This contact has no time zone, so theirs is taken to be yours. Set it for better slots.
            </Alert>
          )}
          {slots.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              Your working hours do not overlap in the next two weeks.
            </Text>
          ) : (
            <Text size="xs" c="dimmed" className="tend-wrap">
              Yours: {slots.data.myZone} · theirs: {slots.data.theirZone}
            </Text>
          )}
          {slots.data.items.length > 0 && (
            <PlainList label="Suggested slots" gap={6}>
              {slots.data.items.map((s) => (
                <Group key={s.startAt} component="li" justify="space-between" gap="xs" wrap="nowrap">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm">{s.mine} yours</Text>
                    <Text size="xs" c="dimmed" className="tend-wrap">
                      {s.theirs} theirs
                    </Text>
                  </Stack>
                  <Button
                    size="xs"
                    variant="light"
                    loading={plan.isPending && plan.variables?.startAt === s.startAt}
                    onClick={() =>
                      plan.mutate(
                        { format, startAt: s.startAt, note: '' },
                        {
                          onSuccess: () => notifications.show({ color: 'teal', message: 'Catch-up planned' }),
                          onError: (e) =>
                            notifications.show({ color: 'red', title: 'Could not plan', message: e.message }),
                        },
                      )
                    }
                  >
                    Plan
                  </Button>
                </Group>
              ))}
            </PlainList>
          )}
        </>
      )}
      {upcoming.data && upcoming.data.length > 0 && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Planned
          </Text>
          <PlainList label="Planned catch-ups" gap={4}>
            {upcoming.data.map((c) => (
              <Planned key={c.id} catchUp={c} contactId={contactId} />
            ))}
          </PlainList>
        </Stack>
      )}
    </Stack>
  );
}
