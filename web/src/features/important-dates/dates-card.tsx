import type { ImportantDate } from '@contract/important-dates';
import { Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DetailCard, RowActions } from '../../ui/detail-card';
import { hideFromList, undoableDelete } from '../../ui/undo-delete';
import { DateForm } from './date-form';
import { dateTitle, dayText } from './date-text';
import { dateKeys, dateRelated, deleteDate, useAddDate, useContactDates, usePatchDate } from './queries';

/** F9 important dates: birthdays (with or without a year), anniversaries and their notice. */
export function DatesCard({ contactId }: { contactId: string }) {
  const dates = useContactDates(contactId);
  const add = useAddDate(contactId);
  const edit = usePatchDate(contactId);
  const client = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);

  const remove = (d: ImportantDate) =>
    undoableDelete({
      client,
      what: dateTitle(d),
      keys: [dateKeys.contact(contactId), ...dateRelated(contactId)],
      hide: hideFromList(client, dateKeys.contact(contactId), d.id),
      remove: () => deleteDate(d.id),
    });

  return (
    <DetailCard
      title="Important dates"
      addLabel="Add date"
      onAdd={() => {
        add.reset();
        setAdding(true);
      }}
      query={dates}
      empty="No birthday or anniversary yet."
      adding={
        adding && (
          <DateForm
            error={add.error}
            pending={add.isPending}
            onCancel={() => setAdding(false)}
            onSubmit={(body) => add.mutate(body, { onSuccess: () => setAdding(false) })}
          />
        )
      }
    >
      {(dates.data?.items ?? []).map((d) =>
        editing === d.id ? (
          <li key={d.id}>
            <DateForm
              initial={d}
              error={edit.error}
              pending={edit.isPending}
              onCancel={() => setEditing(null)}
              onSubmit={(body) =>
                edit.mutate(
                  { id: d.id, body: { ...body, label: body.label ?? null } },
                  { onSuccess: () => setEditing(null) },
                )
              }
            />
          </li>
        ) : (
          <Group key={d.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                {dateTitle(d)}
              </Text>
              <Text size="sm">
                {dayText(d)}
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {d.leadDays === 0 ? 'on the day' : `${d.leadDays} days' notice`}
                </Text>
              </Text>
            </Stack>
            <RowActions
              name={`${dateTitle(d)} ${dayText(d)}`}
              onEdit={() => {
                edit.reset();
                setEditing(d.id);
              }}
              onDelete={() => remove(d)}
            />
          </Group>
        ),
      )}
    </DetailCard>
  );
}
