import type { Contact } from '@contract/contacts';
import { Loader, Modal, Text, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import '@mantine/spotlight/styles.css';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  IconArrowUpRight,
  IconMoon,
  IconNote,
  IconPlus,
  IconSearch,
  IconSun,
  IconUsers,
} from '../../ui/icons';
import { ContactFormModal } from '../contacts/contact-form-modal';
import { LogInteractionForm } from '../interactions/log-interaction-form';
import { matches, PAGES } from './palette-actions';
import { usePaletteContacts } from './queries';

type Mode = 'all' | 'log';

// Clipped, not hidden: screen readers still read it.
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/** Opens the palette (called through lazy-palette's openPalette once this chunk has loaded). */
export function openCommandPalette(): void {
  spotlight.open();
}

/**
 * Ctrl/Cmd+K (or `/` outside a text field) opens a palette of pages, commands and contacts found as
 * you type. "Log interaction…" turns the contact results into a picker for the log form.
 */
export function CommandPalette() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const [mode, setMode] = useState<Mode>('all');
  const [adding, add] = useDisclosure(false);
  const [logFor, setLogFor] = useState<Contact | null>(null);
  const phone = useMediaQuery('(max-width: 36em)');
  const { setColorScheme } = useMantineColorScheme();
  const dark = useComputedColorScheme('light') === 'dark';
  const contacts = usePaletteContacts(debounced);
  const list = useRef<HTMLDivElement>(null);
  // `/` must stay a character inside inputs, so only Ctrl/Cmd+K works while typing.
  useHotkeys([['/', () => spotlight.open()]]);

  const commands = [
    ...PAGES.map((p) => ({
      id: p.to,
      label: p.label,
      description: 'Go to page',
      keywords: p.keywords,
      icon: <IconArrowUpRight size={16} />,
      run: () => navigate(p.to),
      keepOpen: false,
    })),
    {
      id: 'add-contact',
      label: 'Add contact',
      description: 'New person',
      keywords: ['new', 'create', 'person'],
      icon: <IconPlus size={16} />,
      run: add.open,
      keepOpen: false,
    },
    {
      id: 'log',
      label: 'Log interaction…',
      description: 'Pick a contact, then record a conversation',
      keywords: ['record', 'touch', 'conversation'],
      icon: <IconNote size={16} />,
      run: () => {
        setMode('log');
        setQuery('');
      },
      keepOpen: true,
    },
    {
      id: 'scheme',
      label: dark ? 'Switch to light mode' : 'Switch to dark mode',
      description: 'Color scheme',
      keywords: ['theme', 'dark', 'light', 'toggle'],
      icon: dark ? <IconSun size={16} /> : <IconMoon size={16} />,
      run: () => setColorScheme(dark ? 'light' : 'dark'),
      keepOpen: false,
    },
  ].filter((c) => mode === 'all' && matches(query, c.label, c.keywords));

  const typed = query.trim();
  // Results of an older query stay hidden, so Enter never opens someone the words no longer match.
  const found = typed && debounced.trim() === typed ? (contacts.data?.items ?? []) : [];
  const searching = typed.length > 0 && (debounced.trim() !== typed || contacts.isFetching);

  // Spotlight selects the first action as you type; contacts arrive later, so Enter with nothing
  // selected takes the first result instead of doing nothing.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || !list.current || list.current.querySelector('[data-selected]')) return;
    const first = list.current.querySelector<HTMLElement>('[data-action]');
    if (first) {
      event.preventDefault();
      first.click();
    }
  };

  return (
    <>
      <Spotlight.Root
        query={query}
        onQueryChange={setQuery}
        shortcut="mod + K"
        tagsToIgnore={[]}
        onSpotlightClose={() => setMode('all')}
        scrollable
        maxHeight={phone ? '70dvh' : 420}
        fullScreen={phone}
        // The title names the dialog for screen readers (aria-labelledby); sighted users see the
        // search field, so the header is clipped away rather than drawn.
        title="Search contacts and commands"
        styles={{ header: VISUALLY_HIDDEN }}
      >
        <Spotlight.Search
          aria-label={mode === 'log' ? 'Whom did you talk to?' : 'Search contacts and commands'}
          placeholder={
            mode === 'log' ? 'Whom did you talk to? Type a name' : 'Search contacts or type a command'
          }
          leftSection={<IconSearch size={18} />}
          onKeyDown={onKeyDown}
        />
        <Spotlight.ActionsList ref={list}>
          {commands.length > 0 && (
            <Spotlight.ActionsGroup label="Pages and commands">
              {commands.map((c) => (
                <Spotlight.Action
                  key={c.id}
                  label={c.label}
                  description={c.description}
                  leftSection={c.icon}
                  closeSpotlightOnTrigger={!c.keepOpen}
                  onClick={c.run}
                />
              ))}
            </Spotlight.ActionsGroup>
          )}
          {found.length > 0 && (
            <Spotlight.ActionsGroup label={mode === 'log' ? 'Log an interaction with' : 'Contacts'}>
              {found.map((c) => (
                <Spotlight.Action
                  key={c.id}
                  label={c.displayName}
                  description={[c.title, c.company].filter(Boolean).join(' · ') || undefined}
                  leftSection={mode === 'log' ? <IconNote size={16} /> : <IconUsers size={16} />}
                  onClick={() =>
                    mode === 'log' ? setLogFor(c) : navigate(`/contacts/${encodeURIComponent(c.id)}`)
                  }
                />
              ))}
            </Spotlight.ActionsGroup>
          )}
          {searching && found.length === 0 ? (
            <Text size="sm" c="dimmed" p="sm" component="div">
              <Loader size="xs" mr="xs" aria-hidden="true" />
              Searching contacts…
            </Text>
          ) : (
            commands.length === 0 &&
            found.length === 0 && (
              <Text size="sm" c="dimmed" p="sm">
                {typed ? (contacts.isError ? contacts.error.message : 'Nothing matches.') : 'Type a name.'}
              </Text>
            )
          )}
        </Spotlight.ActionsList>
      </Spotlight.Root>
      <ContactFormModal opened={adding} onClose={add.close} />
      <Modal
        opened={logFor !== null}
        onClose={() => setLogFor(null)}
        title={logFor ? `Log an interaction with ${logFor.displayName}` : ''}
        fullScreen={phone}
      >
        {logFor && (
          <LogInteractionForm
            contactId={logFor.id}
            defaultChannel={logFor.preferredChannel}
            onDone={() => setLogFor(null)}
          />
        )}
      </Modal>
    </>
  );
}
