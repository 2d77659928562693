import type { Me } from '@contract/auth';
import { Avatar, Menu, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { useSignOut } from '../features/auth/queries';
import { IconLogout, IconSettings } from '../ui/icons';

function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase())
      .join('') || '?'
  );
}

export function UserMenu({ me }: { me: Me }) {
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {/* The name repeats the initials the avatar shows, so speech and sight say the same thing. */}
        <UnstyledButton aria-label={`Account menu, ${initials(me.name)}`}>
          <Avatar color="teal" radius="xl" size={34}>
            {initials(me.name)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label className="tend-wrap">{me.email}</Menu.Label>
        <Menu.Item component={Link} to="/settings" leftSection={<IconSettings size={16} />}>
          Settings
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          onClick={() =>
            signOut.mutate(undefined, {
              onError: (e) =>
                notifications.show({ color: 'red', title: 'Sign-out failed', message: e.message }),
            })
          }
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
