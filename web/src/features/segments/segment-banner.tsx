import type { Segment } from '@contract/segments';
import { Alert, Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { undoableDelete } from '../../ui/undo-delete';
import { useCircles } from '../circles/queries';
import { deleteSegment, segmentKeys } from './queries';

/** "Mentors in Berlin: circle Mentors, city Berlin": what a segment holds, in words. */
export function segmentSummary(segment: Segment, circleNames: Map<string, string>): string {
  const f = segment.filter;
  const parts = [
    f.circleId && `circle ${circleNames.get(f.circleId) ?? '?'}`,
    f.tag && `tag ${f.tag}`,
    f.company && `company ${f.company}`,
    f.industry && `industry ${f.industry}`,
    f.city && `city ${f.city}`,
    f.country && `country ${f.country}`,
    f.cadence && `cadence ${f.cadence.replace(/_/g, ' ')}`,
    f.lastContactAfter && `last contact after ${f.lastContactAfter.slice(0, 10)}`,
    f.lastContactBefore && `last contact before ${f.lastContactBefore.slice(0, 10)}`,
    f.q && `matching “${f.q}”`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'everyone';
}

/** Above the list while a segment is open: what it filters, and ways to use, leave or delete it. */
export function SegmentBanner({
  segment,
  loading,
  onLeave,
}: {
  segment: Segment | undefined;
  loading: boolean;
  onLeave: () => void;
}) {
  const circles = useCircles();
  const client = useQueryClient();
  if (!segment) {
    return (
      <Alert color="gray">
        <Group justify="space-between">
          <Text size="sm">{loading ? 'Loading the segment…' : 'This segment no longer exists.'}</Text>
          <Button size="compact-sm" variant="default" onClick={onLeave}>
            All contacts
          </Button>
        </Group>
      </Alert>
    );
  }
  const names = new Map((circles.data ?? []).map((c) => [c.id, c.name]));
  return (
    <Alert color="blue" variant="light" aria-label="Segment">
      <Group justify="space-between" gap="xs">
        <Text size="sm" className="tend-wrap">
          Segment: {segmentSummary(segment, names)}
        </Text>
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="light"
            component={Link}
            to={`/updates?segment=${encodeURIComponent(segment.id)}`}
          >
            Send an update
          </Button>
          <Button size="compact-sm" variant="default" onClick={onLeave}>
            All contacts
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            onClick={() => {
              onLeave();
              undoableDelete({
                client,
                what: `Segment ${segment.name}`,
                keys: [segmentKeys.all],
                hide: () =>
                  client.setQueryData<Segment[]>(segmentKeys.all, (old) =>
                    old?.filter((s) => s.id !== segment.id),
                  ),
                remove: () => deleteSegment(segment.id),
              });
            }}
          >
            Delete segment
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}
