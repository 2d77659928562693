import { Group, Select, Text } from '@mantine/core';
import { fieldError } from '../../ui/field-errors';
import { FormErrorAlert } from '../../ui/form-error-alert';
import { usePatchUpdateSettings, useUpdatesDue } from './queries';

const OPTIONS = [3, 4, 5, 6].map((n) => ({ value: String(n), label: `Every ${n} months` }));

/** F16's rhythm: how often an update is due; saved as soon as it is chosen. */
export function UpdateRhythm() {
  const due = useUpdatesDue();
  const save = usePatchUpdateSettings();
  if (!due.data) return null;
  return (
    <Group gap="sm" align="flex-end">
      <FormErrorAlert error={save.error} shownFields={['everyMonths']} />
      <Select
        label="Send an update"
        data={OPTIONS}
        value={String(save.variables?.everyMonths ?? due.data.everyMonths)}
        allowDeselect={false}
        onChange={(value) => value && save.mutate({ everyMonths: Number(value) })}
        error={fieldError(save.error, 'everyMonths')}
        disabled={save.isPending}
        w={200}
      />
      {save.isSuccess && (
        <Text size="sm" c="dimmed" role="status">
          Saved
        </Text>
      )}
    </Group>
  );
}
