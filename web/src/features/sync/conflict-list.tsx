import type { CarddavConflict, ConflictResolve } from '@contract/carddav';
import { Button, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useCarddavConflicts, useResolveConflict } from './queries';

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  emails: 'E-mails',
  phones: 'Phones',
  links: 'Links',
  company: 'Company',
  title: 'Title',
  address: 'City and country',
  timeZone: 'Time zone',
  birthday: 'Birthday',
  anniversary: 'Anniversary',
  notes: 'Note',
  tags: 'Circle and tags',
  industry: 'Industry',
  connectedOn: 'Met on',
};

/** A field's value as a person reads it: lists joined, dates as written, nothing as "(empty)". */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(empty)';
  if (Array.isArray(v)) {
    const parts = v.map(showValue).filter((p) => p !== '(empty)');
    return parts.length ? parts.join(', ') : '(empty)';
  }
  if (typeof v === 'object') {
    const o = Object.fromEntries(Object.entries(v));
    if (typeof o.value === 'string') return o.label ? `${o.value} (${String(o.label)})` : o.value;
    if (typeof o.url === 'string') return o.url;
    if (typeof o.month === 'number' && typeof o.day === 'number')
      return [o.year, String(o.month).padStart(2, '0'), String(o.day).padStart(2, '0')]
        .filter((x) => x !== undefined)
        .join('-');
    return JSON.stringify(v);
  }
  return String(v);
}

/** Cards waiting for a choice: a match (same person?) or fields both sides changed. */
export function ConflictList() {
  const conflicts = useCarddavConflicts();
  if (!conflicts.data?.length) return null;
  return (
    <Stack gap="sm" aria-label="Cards waiting for a choice" role="region">
      <Text fw={500}>Waiting for your choice ({conflicts.data.length})</Text>
      {conflicts.data.map((c) => (
        <ConflictCard key={c.id} c={c} />
      ))}
    </Stack>
  );
}

function ConflictCard({ c }: { c: CarddavConflict }) {
  const resolve = useResolveConflict();
  const [pick, setPick] = useState<Record<string, 'tend' | 'remote'>>({});
  const send = (choice: ConflictResolve) =>
    resolve.mutate(
      { id: c.id, choice },
      { onError: (e) => notifications.show({ color: 'red', title: 'Not resolved', message: e.message }) },
    );
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text size="sm" fw={500} className="tend-wrap">
          {c.cardName}
          {c.kind === 'match' ? ` and ${c.contactName}` : ''}
        </Text>
        <Text size="sm">{c.reason}</Text>
        {c.kind === 'match' ? (
          <Group gap="xs">
            <Button
              size="compact-sm"
              loading={resolve.isPending}
              onClick={() => send({ kind: 'match', action: 'link' })}
            >
              Same person: link
            </Button>
            <Button
              size="compact-sm"
              variant="light"
              loading={resolve.isPending}
              onClick={() => send({ kind: 'match', action: 'create' })}
            >
              Different people: add {c.cardName}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              loading={resolve.isPending}
              onClick={() => send({ kind: 'match', action: 'ignore' })}
            >
              Ignore this card
            </Button>
          </Group>
        ) : (
          <>
            {c.fields.map((f) => (
              <Radio.Group
                key={f.field}
                label={FIELD_LABELS[f.field] ?? f.field}
                value={pick[f.field] ?? null}
                onChange={(v) => setPick({ ...pick, [f.field]: v === 'remote' ? 'remote' : 'tend' })}
              >
                <Stack gap={4} mt={4}>
                  <Radio value="tend" label={`In Tend: ${showValue(f.tend)}`} />
                  <Radio value="remote" label={`In the address book: ${showValue(f.remote)}`} />
                </Stack>
              </Radio.Group>
            ))}
            <Group>
              <Button
                size="compact-sm"
                loading={resolve.isPending}
                disabled={c.fields.some((f) => !pick[f.field])}
                onClick={() => send({ kind: 'fields', pick })}
              >
                Keep these
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
