import { ActionIcon, Button, Kbd } from '@mantine/core';
import { IconSearch } from '../../ui/icons';
import { openPalette } from './lazy-palette';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** Opens the command palette: a labelled button with its shortcut on wide screens, an icon on phones. */
export function PaletteButton() {
  return (
    <>
      <Button
        variant="default"
        visibleFrom="sm"
        leftSection={<IconSearch size={16} />}
        rightSection={<Kbd size="xs">{MAC ? '⌘ K' : 'Ctrl K'}</Kbd>}
        onClick={openPalette}
        // No aria-label: the accessible name must contain the visible "Search" and its shortcut.
        aria-keyshortcuts="Control+K Meta+K"
        fw={400}
        c="dimmed"
      >
        Search
      </Button>
      <ActionIcon
        variant="default"
        size="lg"
        hiddenFrom="sm"
        onClick={openPalette}
        aria-label="Search and commands"
      >
        <IconSearch />
      </ActionIcon>
    </>
  );
}
