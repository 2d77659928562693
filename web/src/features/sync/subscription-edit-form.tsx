import type { Subscription } from '@contract/carddav';
import { Checkbox, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { FormButtons } from '../../ui/detail-card';
import { fieldError } from '../../ui/field-errors';
import { FormErrorAlert } from '../../ui/form-error-alert';
import { usePatchSubscription } from './queries';

/** Renames a subscription and turns writing new contacts into it on or off; Escape cancels. */
export function SubscriptionEditForm({ s, onDone }: { s: Subscription; onDone: () => void }) {
  const save = usePatchSubscription();
  const [name, setName] = useState(s.name);
  const [pushNew, setPushNew] = useState(s.pushNew);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ id: s.id, body: { name, pushNew } }, { onSuccess: onDone });
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={`Edit address book ${s.name}`}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <Stack gap="xs">
        <FormErrorAlert error={save.error} shownFields={['name', 'pushNew']} />
        <TextInput
          label="Name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(save.error, 'name')}
          autoFocus
        />
        <Checkbox
          label="Also add contacts I create in Tend to this address book"
          checked={pushNew}
          onChange={(e) => setPushNew(e.currentTarget.checked)}
          error={fieldError(save.error, 'pushNew')}
        />
        <FormButtons pending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
