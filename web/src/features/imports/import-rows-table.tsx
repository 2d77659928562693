import type { ImportRow, RowAction } from '@contract/imports';
import { Anchor, Badge, Group, List, NativeSelect, Paper, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { choiceOf } from '../../lib/choice';
import { humanize } from '../../lib/format';
import { changeLines } from './change-text';
import { actionsFor, type Choices, type Defaults, defaultActionFor, STATUS_COLORS } from './row-actions';

const MATCH_LABELS: Record<NonNullable<ImportRow['match']>['by'], string> = {
  uid: 'UID (a card Tend exported)',
  email: 'e-mail',
  linkedin: 'LinkedIn URL',
  phone: 'phone',
  name_company: 'name and company',
};

interface RowsProps {
  rows: ImportRow[];
  defaults: Defaults;
  choices: Choices;
  onChoose: (line: number, status: ImportRow['status'], action: RowAction) => void;
}

/** One line per previewed row: what was read, what it matches, what a merge would change, the choice. */
export function ImportRowsTable({ rows, defaults, choices, onChoose }: RowsProps) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Import rows" verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={56}>Line</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th w={110}>Status</Table.Th>
            <Table.Th>Details</Table.Th>
            <Table.Th w={130}>Action</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            return (
              <Table.Tr key={row.line}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td className="tend-wrap">
                  <Text size="sm" fw={500}>
                    {row.name || '—'}
                  </Text>
                  {row.contact?.company && (
                    <Text size="xs" className="tend-quiet">
                      {[row.contact.title, row.contact.company].filter(Boolean).join(' @ ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[row.status]} variant="light">
                    {row.status}
                  </Badge>
                </Table.Td>
                <Table.Td className="tend-wrap">
                  <RowDetails row={row} />
                </Table.Td>
                <Table.Td>
                  <ActionSelect row={row} defaults={defaults} choices={choices} onChoose={onChoose} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The same rows as cards, for a phone's width. */
export function ImportRowCards({ rows, defaults, choices, onChoose }: RowsProps) {
  return (
    <Stack gap="xs" role="list" aria-label="Import rows">
      {rows.map((row) => (
        <Paper key={row.line} withBorder p="sm" role="listitem">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <div style={{ minWidth: 0 }} className="tend-wrap">
              <Text size="sm" fw={500}>
                {row.name || '—'}{' '}
                <Text span size="xs" className="tend-quiet">
                  line {row.line}
                </Text>
              </Text>
              {row.contact?.company && (
                <Text size="xs" className="tend-quiet">
                  {[row.contact.title, row.contact.company].filter(Boolean).join(' @ ')}
                </Text>
              )}
            </div>
            <Badge color={STATUS_COLORS[row.status]} variant="light" style={{ flexShrink: 0 }}>
              {row.status}
            </Badge>
          </Group>
          <div className="tend-wrap">
            <RowDetails row={row} />
          </div>
          <ActionSelect row={row} defaults={defaults} choices={choices} onChoose={onChoose} mt={6} />
        </Paper>
      ))}
    </Stack>
  );
}

function ActionSelect({
  row,
  defaults,
  choices,
  onChoose,
  mt,
}: Omit<RowsProps, 'rows'> & { row: ImportRow; mt?: number }) {
  const action = choices.get(row.line)?.action ?? defaultActionFor(row.status, defaults);
  if (!action) return null;
  const actions = actionsFor(row.status);
  return (
    <NativeSelect
      size="xs"
      mt={mt}
      aria-label={`Action for line ${row.line}`}
      value={action}
      onChange={(e) => {
        const chosen = choiceOf(actions, e.currentTarget.value);
        if (chosen) onChoose(row.line, row.status, chosen);
      }}
      data={actions.map((a) => ({ value: a, label: humanize(a) }))}
    />
  );
}

function RowDetails({ row }: { row: ImportRow }) {
  if (row.status === 'error')
    return (
      <Text size="sm" c="red">
        {row.error}
      </Text>
    );
  const match = row.match && (
    <Text size="xs" className="tend-quiet">
      Matches{' '}
      {row.match.contactId ? (
        <Anchor component={Link} to={`/contacts/${row.match.contactId}`} size="xs" underline="always">
          a contact
        </Anchor>
      ) : (
        `line ${row.match.line}`
      )}{' '}
      by {MATCH_LABELS[row.match.by]}
    </Text>
  );
  const lines = changeLines(row.changes);
  return (
    <>
      {row.reason && (
        <Text size="sm" fw={500}>
          {row.reason.charAt(0).toUpperCase() + row.reason.slice(1)} Created as a new contact unless you
          choose Merge.
        </Text>
      )}
      {row.warnings.map((w) => (
        <Text key={w} size="xs">
          Skipped: {w}
        </Text>
      ))}
      {match}
      {row.status === 'conflict' && lines.length > 0 && (
        <Text size="xs" className="tend-quiet">
          If merged:
        </Text>
      )}
      {lines.length > 0 ? (
        <List
          size="sm"
          spacing={0}
          listStyleType="none"
          aria-label={`${row.status === 'conflict' ? 'A merge would change' : 'Changes'} for line ${row.line}`}
        >
          {lines.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      ) : (
        row.status === 'new' &&
        row.contact?.emails[0] && (
          <Text size="xs" className="tend-quiet">
            {row.contact.emails[0].value}
          </Text>
        )
      )}
    </>
  );
}
