import type { ImportMapping } from '@contract/imports';
import { isOneOf, MAPPING_FIELD_LABELS, MAPPING_FIELDS, type MappingField } from '@contract/vocabulary';
import { Alert, Button, Group, List, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formError } from '../../ui/field-errors';
import { useRemapImport } from './queries';

const FIELD_OPTIONS = MAPPING_FIELDS.map((f) => ({ value: f, label: MAPPING_FIELD_LABELS[f] }));
const isField = (v: string): v is MappingField => isOneOf(MAPPING_FIELDS, v);

/**
 * The mapping step of a generic CSV: one select per column (its header, a sample value), then
 * "Read again", which re-reads the stored file and re-classifies every row on the server.
 */
export function ImportMappingStep({
  runId,
  mapping,
  onRemapped,
}: {
  runId: string;
  mapping: ImportMapping;
  onRemapped: () => void;
}) {
  const current = mapping.columns.map((c) => c.field);
  const [fields, setFields] = useState<MappingField[]>(current);
  const remap = useRemapImport(runId);
  const changed = fields.some((f, i) => f !== current[i]);
  const set = (index: number, value: string) => {
    if (isField(value)) setFields((previous) => previous.map((f, i) => (i === index ? value : f)));
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="mapping-title">
      <div>
        <Title order={4} id="mapping-title">
          Columns
        </Title>
        <Text size="sm" className="tend-quiet">
          {mapping.remembered
            ? 'Filled in from the last import with these columns. '
            : 'Guessed from the column names and values. '}
          Change a column's field and read the file again; several columns may feed e-mails, phones or tags.
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        {mapping.columns.map((c) => (
          <NativeSelect
            key={c.index}
            label={c.name || `Column ${c.index + 1}`}
            description={
              c.sample ? `e.g. ${c.sample.length > 40 ? `${c.sample.slice(0, 40)}…` : c.sample}` : 'empty'
            }
            classNames={{ description: 'tend-quiet tend-wrap' }}
            value={fields[c.index] ?? 'ignore'}
            onChange={(e) => set(c.index, e.currentTarget.value)}
            data={FIELD_OPTIONS}
          />
        ))}
      </SimpleGrid>
      {mapping.warnings.length > 0 && (
        <Alert color="yellow" variant="light" title="Values some columns could not read">
          <List size="sm">
            {mapping.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {remap.error && (
        <Alert color="red" title="The mapping was not applied" role="alert">
          <span className="tend-wrap">{formError(remap.error, [])}</span>
        </Alert>
      )}
      <Group>
        <Button
          variant={changed ? 'filled' : 'default'}
          disabled={!changed}
          loading={remap.isPending}
          onClick={() => remap.mutate(fields, { onSuccess: onRemapped })}
        >
          Read again with these columns
        </Button>
      </Group>
    </Stack>
  );
}
