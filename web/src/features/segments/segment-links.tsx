import { NavLink, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { IconFilter } from '../../ui/icons';
import { useSegments } from './queries';

/** The saved segments in the sidebar, each opening the contacts list filtered by it. */
export function SegmentLinks({ onFollow }: { onFollow: () => void }) {
  const segments = useSegments();
  const { pathname, search } = useLocation();
  const open = pathname === '/contacts' ? new URLSearchParams(search).get('segment') : null;
  const items = segments.data ?? [];
  if (items.length === 0) return null;
  return (
    <nav aria-label="Segments">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
        Segments
      </Text>
      {items.map((s) => (
        <NavLink
          key={s.id}
          component={Link}
          to={`/contacts?segment=${encodeURIComponent(s.id)}`}
          label={s.name}
          leftSection={<IconFilter size={16} />}
          onClick={onFollow}
          active={open === s.id}
          variant="light"
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
        />
      ))}
    </nav>
  );
}
