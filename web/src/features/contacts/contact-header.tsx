import type { Contact } from '@contract/contacts';
import type { LinkKind } from '@contract/vocabulary';
import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { humanize, localTimeIn, relativeTime } from '../../lib/format';
import { safeHref } from '../../lib/safe-url';
import { useNow } from '../../lib/use-now';
import { IconClock, IconLink, IconMail, IconPhone, IconPin } from '../../ui/icons';
import { CircleDot } from '../circles/circle-dot';

const LINK_LABELS = {
  linkedin: 'LinkedIn',
  website: 'Website',
  twitter: 'X / Twitter',
  github: 'GitHub',
  other: 'Link',
} satisfies Record<LinkKind, string>;

function Line({ icon, children }: { icon: React.ReactNode; children: React.ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text c="dimmed" component="span" mt={2} style={{ display: 'inline-flex' }}>
        {icon}
      </Text>
      <Text size="sm" component="div" className="tend-wrap" style={{ minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  );
}

/** Who they are at a glance: role, place, their local time, tags and circle, ways to reach them. */
export function ContactHeader({
  contact: c,
  circleName,
  circleColor,
}: {
  contact: Contact;
  circleName?: string | undefined;
  circleColor?: string | null | undefined;
}) {
  const now = useNow();
  const role = [c.title, c.company].filter(Boolean).join(' @ ');
  const place = [c.city, c.country].filter(Boolean).join(', ');
  const localTime = c.timeZone ? localTimeIn(c.timeZone, now) : undefined;
  return (
    <Stack gap={6} style={{ minWidth: 0 }}>
      <Title order={1} size="h2" className="tend-wrap">
        {c.displayName}
      </Title>
      {role && (
        <Text c="dimmed" className="tend-wrap">
          {role}
        </Text>
      )}
      <Group gap="lg" mt={4} style={{ rowGap: 4 }}>
        {place && <Line icon={<IconPin size={15} />}>{place}</Line>}
        {localTime && (
          <Line icon={<IconClock size={15} />}>
            {localTime} their time{' '}
            <Text span size="xs" c="dimmed">
              ({c.timeZone})
            </Text>
          </Line>
        )}
        <Line icon={<IconClock size={15} />}>Last contact {relativeTime(c.lastInteractionAt, now)}</Line>
      </Group>
      {(circleName || c.tags.length > 0 || !c.tracked) && (
        <Group gap={6} mt={4}>
          {circleName && (
            <Badge variant="filled" tt="none" leftSection={<CircleDot color={circleColor} size={9} />}>
              {circleName}
            </Badge>
          )}
          {!c.tracked && (
            <Badge variant="outline" color="gray" tt="none">
              Not tracked
            </Badge>
          )}
          {c.tags.map((t) => (
            <Badge key={t} variant="light" tt="none" maw="100%">
              {t}
            </Badge>
          ))}
        </Group>
      )}
      <Stack gap={4} mt={6}>
        {c.emails.map((e) => (
          <Line key={e.value} icon={<IconMail size={15} />}>
            <Anchor href={safeHref(`mailto:${e.value}`)} size="sm">
              {e.value}
            </Anchor>
            {e.label && <Text span size="xs" c="dimmed">{` ${e.label}`}</Text>}
          </Line>
        ))}
        {c.phones.map((p) => (
          <Line key={p.value} icon={<IconPhone size={15} />}>
            {p.value}
            {p.label && <Text span size="xs" c="dimmed">{` ${p.label}`}</Text>}
          </Line>
        ))}
        {c.links.map((l) => {
          const href = safeHref(l.url);
          return (
            <Line key={`${l.kind}-${l.url}`} icon={<IconLink size={15} />}>
              {href ? (
                <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
                  {l.url}
                </Anchor>
              ) : (
                l.url
              )}
              <Text span size="xs" c="dimmed">{` ${LINK_LABELS[l.kind]}`}</Text>
            </Line>
          );
        })}
        {c.preferredChannel && (
          <Text size="sm" c="dimmed">
            Prefers {humanize(c.preferredChannel).toLowerCase()}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}
