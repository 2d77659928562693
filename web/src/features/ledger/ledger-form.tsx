import type { LedgerKind } from '@contract/vocabulary';
import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../ui/field-errors';
import { FormErrorAlert } from '../../ui/form-error-alert';
import { isLedgerKind, kindsFor } from './ledger-labels';
import { useLogLedgerEntry } from './queries';

const FIELDS = ['kind', 'occurredOn', 'note'] as const;

function todayLocal(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * "Log a give" or "Log an ask". The server still logs an ask that tips the balance and answers
 * with a warning; `onWarning` hands it to the card, which keeps it visible after the form closes.
 */
export function LedgerForm({
  contactId,
  mode,
  onDone,
  onWarning,
}: {
  contactId: string;
  mode: 'give' | 'ask';
  onDone: () => void;
  onWarning: (warning: string | null) => void;
}) {
  const log = useLogLedgerEntry(contactId);
  const options = kindsFor(mode);
  const [kind, setKind] = useState<LedgerKind>(mode === 'give' ? 'help_given' : 'favour_asked');
  const [occurredOn, setOccurredOn] = useState(todayLocal);
  const [note, setNote] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    log.mutate(
      { kind, ...(occurredOn && { occurredOn }), ...(note.trim() && { note }) },
      {
        onSuccess: (created) => {
          onWarning(created.warning);
          onDone();
        },
      },
    );
  };
  const err = (field: string) => fieldError(log.error, field);

  return (
    <form onSubmit={submit} noValidate aria-label={mode === 'give' ? 'Log a give' : 'Log an ask'}>
      <Stack gap="sm">
        <FormErrorAlert error={log.error} shownFields={FIELDS} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label="Kind"
            data={options}
            value={kind}
            allowDeselect={false}
            onChange={(value) => isLedgerKind(value) && setKind(value)}
            error={err('kind')}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label="Date"
            type="date"
            value={occurredOn}
            onChange={(e) => setOccurredOn(e.currentTarget.value)}
            error={err('occurredOn')}
          />
        </SimpleGrid>
        <Textarea
          label="Note"
          placeholder={mode === 'give' ? 'What did you give?' : 'What did you ask for?'}
          autosize
          minRows={2}
          maxRows={6}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={err('note')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={log.isPending}>
            {mode === 'give' ? 'Log give' : 'Log ask'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
