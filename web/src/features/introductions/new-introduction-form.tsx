import { Button, Group, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../ui/field-errors';
import { FormErrorAlert } from '../../ui/form-error-alert';
import { ContactPicker, type PickedContact } from './contact-picker';
import { useCreateIntroduction } from './queries';

const FIELDS = ['aContactId', 'bContactId', 'reason'] as const;

/** Proposes introducing A to B; A is asked first (double opt-in). */
export function NewIntroductionForm({ onDone }: { onDone: () => void }) {
  const create = useCreateIntroduction();
  const [a, setA] = useState<PickedContact | null>(null);
  const [b, setB] = useState<PickedContact | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!a || !b) {
      setMissing(true);
      return;
    }
    create.mutate({ aContactId: a.id, bContactId: b.id, reason }, { onSuccess: onDone });
  };
  const err = (field: string) => fieldError(create.error, field);

  return (
    <form onSubmit={submit} noValidate aria-label="New introduction">
      <Stack gap="sm">
        <FormErrorAlert error={create.error} shownFields={FIELDS} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <ContactPicker
            label="Introduce (A, asked first)"
            value={a}
            onChange={setA}
            exclude={b?.id}
            error={missing && !a ? 'pick a contact' : err('aContactId')}
          />
          <ContactPicker
            label="To (B)"
            value={b}
            onChange={setB}
            exclude={a?.id}
            error={missing && !b ? 'pick a contact' : err('bContactId')}
          />
        </SimpleGrid>
        <Textarea
          label="Why they should meet"
          required
          autosize
          minRows={2}
          maxRows={6}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={err('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Propose introduction
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
