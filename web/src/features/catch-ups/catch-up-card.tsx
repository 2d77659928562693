import type { CatchUp, CatchUpFormat } from '@contract/catch-ups';
import { Alert, Anchor, Button, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { ErrorPanel } from '../../ui/error-panel';
import { FORMAT_LABELS, FORMAT_OPTIONS, invitationHref, isCatchUpFormat } from './format-labels';
import { usePlanCatchUp, useSlots, useUpcomingCatchUps } from './queries';

function Planned({ catchUp }: { catchUp: CatchUp }) {
  const href = invitationHref(catchUp.invitationUrl);
  return (
    <Group component="li" gap="xs" justify="space-between">
      <Text size="sm" className="tend-wrap" style={{ minWidth: 0 }}>
        {FORMAT_LABELS[catchUp.format]} · {formatDateTime(catchUp.startAt)}
      </Text>
      {href && (
        <Anchor href={href} download size="sm">
          Download .ics
        </Anchor>
      )}
    </Group>
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
            <Stack
              gap={6}
              component="ul"
              aria-label="Suggested slots"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
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
            </Stack>
          )}
        </>
      )}
      {upcoming.data && upcoming.data.length > 0 && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Planned
          </Text>
          <Stack
            gap={4}
            component="ul"
            aria-label="Planned catch-ups"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {upcoming.data.map((c) => (
              <Planned key={c.id} catchUp={c} />
            ))}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}
