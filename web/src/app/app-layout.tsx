import type { Me } from '@contract/auth';
import { AppShell, Burger, Group, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { IconChart } from '../features/dashboard/icon-chart';
import { LazyCommandPalette } from '../features/palette/lazy-palette';
import { PaletteButton } from '../features/palette/palette-button';
import { SegmentLinks } from '../features/segments/segment-links';
import {
  IconArrowDownLeft,
  IconLink,
  IconMail,
  IconPeople,
  IconPin,
  IconSettings,
  IconToday,
  IconUsers,
} from '../ui/icons';
import { ColorSchemeMenu } from './color-scheme-menu';
import { ShortcutsHelp } from './shortcuts-help';
import { UserMenu } from './user-menu';

const NAV = [
  { to: '/today', label: 'Today', icon: IconToday },
  { to: '/contacts', label: 'Contacts', icon: IconUsers },
  { to: '/circles', label: 'Circles', icon: IconPeople },
  { to: '/dashboard', label: 'Dashboard', icon: IconChart },
  { to: '/updates', label: 'Updates', icon: IconMail },
  { to: '/import', label: 'Import', icon: IconArrowDownLeft },
  { to: '/introductions', label: 'Introductions', icon: IconPeople },
  { to: '/resources', label: 'Resources', icon: IconLink },
  { to: '/trips', label: 'Trips', icon: IconPin },
  { to: '/settings', label: 'Settings', icon: IconSettings },
] as const;

/** Header, navigation (a burger drawer on phones) and the routed page. */
export function AppLayout({ me }: { me: Me }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <UnstyledButton component={Link} to="/today" aria-label="Tend home">
              <Text fw={800} size="lg" c="teal">
                Tend
              </Text>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <PaletteButton />
            <ColorSchemeMenu />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main">
        {NAV.map(({ to, label, icon: Icon }) => (
          <NavLink
            key={to}
            component={Link}
            to={to}
            label={label}
            leftSection={<Icon />}
            // Following a link on a phone should reveal the page, not leave the menu over it.
            onClick={close}
            active={pathname === to || pathname.startsWith(`${to}/`)}
            variant="light"
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        ))}
        <SegmentLinks onFollow={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <LazyCommandPalette />
      <ShortcutsHelp />
    </AppShell>
  );
}
