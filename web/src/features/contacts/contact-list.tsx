import type { Contact } from '@contract/contacts';
import { Anchor, Badge, Card, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { relativeTime } from '../../lib/format';
import { CircleDot } from '../circles/circle-dot';
import { ContactAvatar } from './contact-avatar';

function role(c: Contact): string {
  return [c.title, c.company].filter(Boolean).join(' @ ');
}

function place(c: Contact): string {
  return [c.city, c.country].filter(Boolean).join(', ');
}

interface ListProps {
  contacts: Contact[];
  now: Date;
  /** circle id → name, for the circle badge */
  circleNames: Map<string, string>;
  /** circle id → colour, for the dot on the badge */
  circleColors?: Map<string, string | null> | undefined;
}

function Tags({
  tags,
  circle,
  color,
}: {
  tags: string[];
  circle?: string | undefined;
  color?: string | null | undefined;
}) {
  if (!tags.length && !circle) return null;
  return (
    <Group gap={4}>
      {circle && (
        <Badge
          variant="outline"
          size="sm"
          tt="none"
          maw={160}
          leftSection={<CircleDot color={color} size={8} />}
        >
          {circle}
        </Badge>
      )}
      {tags.slice(0, 4).map((t) => (
        <Badge key={t} variant="light" size="sm" tt="none" maw={160}>
          {t}
        </Badge>
      ))}
      {tags.length > 4 && (
        <Text size="xs" c="dimmed">
          +{tags.length - 4}
        </Text>
      )}
    </Group>
  );
}

/** The stored score, or "no history" for someone never contacted (not a score of 0 or 100). */
function HealthText({ score }: { score: number | null }) {
  return (
    <Text size="sm" c={score === null ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
      {score === null ? 'no history' : `${score}/100`}
    </Text>
  );
}

/** Which rows are ticked for a bulk action, and how to change that. */
export interface Selection {
  ids: ReadonlySet<string>;
  toggle: (id: string) => void;
  setAll: (ids: string[], on: boolean) => void;
}

/** Desktop: one row per contact, each with a box to tick for bulk actions when `selection` is given. */
export function ContactTable({
  contacts,
  now,
  circleNames,
  circleColors,
  selection,
}: ListProps & { selection?: Selection }) {
  const ticked = selection ? contacts.filter((c) => selection.ids.has(c.id)).length : 0;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Contacts">
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Select all shown"
                  checked={ticked > 0 && ticked === contacts.length}
                  indeterminate={ticked > 0 && ticked < contacts.length}
                  onChange={(e) =>
                    selection.setAll(
                      contacts.map((c) => c.id),
                      e.currentTarget.checked,
                    )
                  }
                />
              </Table.Th>
            )}
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Place</Table.Th>
            <Table.Th>Circle and tags</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Last contact</Table.Th>
            <Table.Th>Health</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((c) => (
            <Table.Tr
              key={c.id}
              bg={selection?.ids.has(c.id) ? 'var(--mantine-primary-color-light)' : undefined}
            >
              {selection && (
                <Table.Td>
                  <Checkbox
                    aria-label={`Select ${c.displayName}`}
                    checked={selection.ids.has(c.id)}
                    onChange={() => selection.toggle(c.id)}
                  />
                </Table.Td>
              )}
              <Table.Td className="tend-wrap">
                <Group gap="sm" wrap="nowrap">
                  <ContactAvatar contact={c} size={32} />
                  <Anchor component={Link} to={`/contacts/${c.id}`} fw={600}>
                    {c.displayName}
                  </Anchor>
                </Group>
              </Table.Td>
              <Table.Td className="tend-wrap">{role(c)}</Table.Td>
              <Table.Td className="tend-wrap">{place(c)}</Table.Td>
              <Table.Td>
                <Tags
                  tags={c.tags}
                  circle={c.circleId ? circleNames.get(c.circleId) : undefined}
                  color={c.circleId ? circleColors?.get(c.circleId) : undefined}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={c.lastInteractionAt ? undefined : 'dimmed'}>
                  {relativeTime(c.lastInteractionAt, now)}
                </Text>
              </Table.Td>
              <Table.Td>
                <HealthText score={c.healthScore} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Phones: one card per contact, the whole card a link. */
export function ContactCards({ contacts, now, circleNames, circleColors }: ListProps) {
  return (
    <Stack gap="sm" role="list" aria-label="Contacts">
      {contacts.map((c) => (
        <Card key={c.id} withBorder padding="sm" component={Link} to={`/contacts/${c.id}`} role="listitem">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <ContactAvatar contact={c} size={32} />
              <Text fw={600} className="tend-wrap">
                {c.displayName}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {relativeTime(c.lastInteractionAt, now)}
              {c.healthScore !== null && ` · health ${c.healthScore}`}
            </Text>
          </Group>
          {role(c) && (
            <Text size="sm" c="dimmed" className="tend-wrap">
              {role(c)}
            </Text>
          )}
          {place(c) && (
            <Text size="sm" c="dimmed" className="tend-wrap">
              {place(c)}
            </Text>
          )}
          {(c.tags.length > 0 || c.circleId) && (
            <Group mt={6} gap={0}>
              <Tags
                tags={c.tags}
                circle={c.circleId ? circleNames.get(c.circleId) : undefined}
                color={c.circleId ? circleColors?.get(c.circleId) : undefined}
              />
            </Group>
          )}
        </Card>
      ))}
    </Stack>
  );
}
