import type { ImportRun } from '@contract/imports';
import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** After the commit (or a discard): what happened, and where to go next. */
export function ImportResultPanel({ run, onAgain }: { run: ImportRun; onAgain: () => void }) {
  if (run.status === 'discarded')
    return (
      <Alert color="gray" title="This import was discarded">
        <Button variant="light" mt="xs" onClick={onAgain}>
          Import a file
        </Button>
      </Alert>
    );
  const result = run.result;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack>
        <Title order={3}>Import finished</Title>
        <Text size="sm" c="dimmed" className="tend-wrap">
          {run.fileName} · {run.formatLabel}
        </Text>
        {result && (
          <List aria-label="Import result" spacing={4}>
            <List.Item>{result.created} contacts created</List.Item>
            <List.Item>{result.merged} existing contacts updated</List.Item>
            <List.Item>{result.skipped} rows skipped</List.Item>
            {run.counts.error > 0 && <List.Item>{run.counts.error} rows could not be read</List.Item>}
          </List>
        )}
        {result && result.lifeEvents > 0 && (
          <Alert
            color="teal"
            variant="light"
            title={`${result.lifeEvents.toLocaleString('en-US')} new ${result.lifeEvents === 1 ? 'role' : 'roles'}`}
          >
            LinkedIn shows a new company or title for{' '}
            {result.lifeEvents === 1 ? 'one contact' : 'some contacts'}: each is now a “new role” life event,
            and a reason to congratulate them on Today.
          </Alert>
        )}
        <Group>
          <Button component={Link} to="/contacts">
            Open contacts
          </Button>
          <Button variant="default" onClick={onAgain}>
            Import another file
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
