import { Kbd, Modal, Stack, Table, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { isTyping } from '../lib/is-typing';
import { shortcutsFor } from './shortcut-list';

const OPEN = 'tend:shortcuts';

/** Opens the `?` sheet from a button (Today's "Shortcuts"), as the key itself does. */
export function openShortcuts() {
  window.dispatchEvent(new Event(OPEN));
}

/** The `?` sheet, mounted once by the layout so that every page answers the key. */
export function ShortcutsHelp() {
  const [opened, setOpened] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => {
    const open = () => setOpened(true);
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      open();
    };
    window.addEventListener(OPEN, open);
    document.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener(OPEN, open);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  return (
    <Modal opened={opened} onClose={() => setOpened(false)} title="Keyboard shortcuts" centered>
      <Stack gap="md">
        {shortcutsFor(pathname).map((group) => (
          <Stack key={group.title} gap={4}>
            <Title order={2} size="h5">
              {group.title}
            </Title>
            <Table aria-label={`${group.title} shortcuts`} verticalSpacing={6}>
              <Table.Tbody>
                {group.keys.map(([keys, what]) => (
                  <Table.Tr key={what}>
                    <Table.Td w={120}>
                      {keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && ' or '}
                          <Kbd>{k}</Kbd>
                        </span>
                      ))}
                    </Table.Td>
                    <Table.Td>{what}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </Stack>
    </Modal>
  );
}
