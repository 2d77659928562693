import type { ImportRun, RowAction } from '@contract/imports';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { choiceOf } from '../../lib/choice';
import { ErrorPanel } from '../../ui/error-panel';
import { formError } from '../../ui/field-errors';
import { ImportMappingStep } from './import-mapping';
import { ImportRowCards, ImportRowsTable } from './import-rows-table';
import { type RowStatus, useCommitImport, useDiscardImport, useImportRows } from './queries';
import { type Choices, commitBody, type Defaults, STATUS_COLORS } from './row-actions';

const STATUS_ORDER: RowStatus[] = ['new', 'merge', 'conflict', 'duplicate', 'error'];
const MERGE_OPTIONS: { value: Defaults['merge']; label: string }[] = [
  { value: 'merge', label: 'Merge' },
  { value: 'create', label: 'Create' },
  { value: 'skip', label: 'Skip' },
];
const CONFLICT_OPTIONS: { value: Defaults['conflict']; label: string }[] = [
  { value: 'create', label: 'Create' },
  { value: 'merge', label: 'Merge' },
  { value: 'skip', label: 'Skip' },
];
const DUPLICATE_OPTIONS: { value: Defaults['duplicate']; label: string }[] = [
  { value: 'skip', label: 'Skip' },
  { value: 'create', label: 'Create' },
];
const FILTERS: (RowStatus | 'all')[] = ['all', ...STATUS_ORDER];

/** The preview of an uploaded file: counts, bulk defaults, the rows with per-row choices, commit. */
export function ImportPreview({ run, onDiscarded }: { run: ImportRun; onDiscarded: () => void }) {
  const [filter, setFilter] = useState<RowStatus | 'all'>('all');
  const [defaults, setDefaults] = useState<Defaults>({
    merge: 'merge',
    duplicate: 'skip',
    conflict: 'create',
  });
  // Off by default for a large file: a 30,000-row export should not flood Today with cadences.
  const [tracked, setTracked] = useState(run.tracksByDefault);
  const [choices, setChoices] = useState<Choices>(() => new Map());
  const rows = useImportRows(run.id, filter === 'all' ? null : filter);
  const commit = useCommitImport(run.id);
  const discard = useDiscardImport(run.id);
  const { counts } = run;
  const items = rows.data?.pages.flatMap((p) => p.items) ?? [];
  const desktop = useMediaQuery('(min-width: 48em)');
  const RowList = desktop ? ImportRowsTable : ImportRowCards;
  const filterOptions = [
    { value: 'all', label: `All ${counts.total}` },
    ...STATUS_ORDER.map((s) => ({ value: s, label: `${s} ${counts[s]}` })),
  ];

  const choose = (line: number, status: RowStatus, action: RowAction) =>
    setChoices((previous) => new Map(previous).set(line, { status, action }));

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} id="preview">
      <Stack>
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title order={3}>Preview</Title>
            <Text size="sm" className="tend-wrap tend-quiet">
              {run.fileName} · read as <strong>{run.formatLabel}</strong> · {counts.total} rows
              {counts.skippedEmpty > 0 && ` · ${counts.skippedEmpty} empty rows left out`}
            </Text>
          </div>
          <Group gap={6} aria-label="Row counts">
            {STATUS_ORDER.map((status) => (
              <Badge key={status} color={STATUS_COLORS[status]} variant="light" size="lg">
                {counts[status]} {status}
              </Badge>
            ))}
          </Group>
        </Group>

        {run.mapping && (
          <ImportMappingStep
            key={run.mapping.columns.map((c) => c.field).join()}
            runId={run.id}
            mapping={run.mapping}
            onRemapped={() => setChoices(new Map())}
          />
        )}

        {counts.error > 0 && (
          <Alert
            color="red"
            variant="light"
            title={counts.error === 1 ? '1 row could not be read' : `${counts.error} rows could not be read`}
          >
            <Text size="sm">
              They are left out.{' '}
              <Anchor href={`/api/v1/imports/${encodeURIComponent(run.id)}/errors.csv`} download>
                Download the error report
              </Anchor>{' '}
              (line, error, name) to fix them in the file.
            </Text>
          </Alert>
        )}

        {counts.conflict > 0 && (
          <Alert
            color="orange"
            variant="light"
            title={
              counts.conflict === 1
                ? '1 row matches a contact that may be someone else'
                : `${counts.conflict} rows match a contact that may be someone else`
            }
          >
            <Text size="sm">
              They share a phone, an e-mail or a name and company with a contact, but another e-mail, LinkedIn
              profile or name differs (an office line, a family number, a shared inbox). They are created as
              new contacts unless you choose to merge them.
            </Text>
          </Alert>
        )}
        {counts.warnings > 0 && (
          <Alert
            color="yellow"
            variant="light"
            title={`${counts.warnings === 1 ? '1 row' : `${counts.warnings} rows`} with a field skipped`}
          >
            <Text size="sm">
              A field could not be read (a date such as 01.01.99, an address that is not an e-mail); the
              contact is imported without it. Each row says which.
            </Text>
          </Alert>
        )}

        <Group gap="lg" align="flex-end">
          <div>
            <Text size="sm" fw={500} mb={4} id="merge-default">
              Rows that would change a contact
            </Text>
            <SegmentedControl
              aria-labelledby="merge-default"
              value={defaults.merge}
              onChange={(value) =>
                setDefaults((d) => ({ ...d, merge: choiceOf(MERGE_OPTIONS, value) ?? d.merge }))
              }
              data={MERGE_OPTIONS}
            />
          </div>
          <div>
            <Text size="sm" fw={500} mb={4} id="conflict-default">
              Maybe someone else
            </Text>
            <SegmentedControl
              aria-labelledby="conflict-default"
              value={defaults.conflict}
              onChange={(value) =>
                setDefaults((d) => ({ ...d, conflict: choiceOf(CONFLICT_OPTIONS, value) ?? d.conflict }))
              }
              data={CONFLICT_OPTIONS}
            />
          </div>
          <div>
            <Text size="sm" fw={500} mb={4} id="duplicate-default">
              Exact duplicates
            </Text>
            <SegmentedControl
              aria-labelledby="duplicate-default"
              value={defaults.duplicate}
              onChange={(value) =>
                setDefaults((d) => ({ ...d, duplicate: choiceOf(DUPLICATE_OPTIONS, value) ?? d.duplicate }))
              }
              data={DUPLICATE_OPTIONS}
            />
          </div>
          <Switch
            checked={tracked}
            onChange={(e) => setTracked(e.currentTarget.checked)}
            label="Track these people"
            description={`Give the ${run.counts.new.toLocaleString('en-US')} new contacts a cadence; off keeps a big network out of Today until you sort it`}
            classNames={{ description: 'tend-quiet' }}
          />
        </Group>

        {desktop ? (
          <SegmentedControl
            aria-label="Show rows"
            value={filter}
            onChange={(value) => setFilter(choiceOf(FILTERS, value) ?? 'all')}
            data={filterOptions}
            style={{ alignSelf: 'flex-start' }}
          />
        ) : (
          <NativeSelect
            label="Show rows"
            value={filter}
            onChange={(e) => setFilter(choiceOf(FILTERS, e.currentTarget.value) ?? 'all')}
            data={filterOptions}
          />
        )}

        {rows.isPending ? (
          <Center py="lg">
            <Loader aria-label="Loading rows" />
          </Center>
        ) : rows.isError ? (
          <ErrorPanel error={rows.error} onRetry={() => rows.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm" className="tend-quiet">
            No rows with this status.
          </Text>
        ) : (
          <RowList rows={items} defaults={defaults} choices={choices} onChoose={choose} />
        )}
        {rows.hasNextPage && (
          <Center>
            <Button variant="default" loading={rows.isFetchingNextPage} onClick={() => rows.fetchNextPage()}>
              Load more rows
            </Button>
          </Center>
        )}

        {(commit.error || discard.error) && (
          <Alert color="red" title="The import did not go through" role="alert">
            <span className="tend-wrap">{formError(commit.error ?? discard.error, [])}</span>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            color="red"
            loading={discard.isPending}
            disabled={commit.isPending}
            onClick={() => discard.mutate(undefined, { onSuccess: onDiscarded })}
          >
            Discard
          </Button>
          <Button
            loading={commit.isPending}
            disabled={discard.isPending || counts.total === counts.error}
            onClick={() => commit.mutate({ ...commitBody(defaults, choices), tracked })}
          >
            Commit import
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
