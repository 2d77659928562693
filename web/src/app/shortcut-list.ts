/** One row of the `?` sheet: the keys (alternatives) and what they do. */
export type Shortcut = [keys: string[], what: string];

/** Keys every page answers to. */
const EVERYWHERE: Shortcut[] = [
  [['Ctrl K', '/'], 'Search contacts and commands'],
  [['?'], 'Show these shortcuts'],
  [['Esc'], 'Close a panel or dialog'],
];

/** Keys that belong to one page, matched on its path. */
const BY_PAGE: { test: RegExp; title: string; keys: Shortcut[] }[] = [
  {
    test: /^\/today$/,
    title: 'Today',
    keys: [
      [['j'], 'Next contact'],
      [['k'], 'Previous contact'],
      [['Enter', 'o'], 'Open “before you reach out”'],
      [['d'], 'Done (log it, or just mark done)'],
      [['s'], 'Snooze'],
      [['l'], 'Log an interaction'],
    ],
  },
  { test: /^\/contacts\/[^/]+$/, title: 'Contact', keys: [[['l'], 'Log an interaction']] },
];

/** The shortcuts for the page at `pathname`: its own first (titled), then those of every page. */
export function shortcutsFor(pathname: string): { title: string; keys: Shortcut[] }[] {
  const page = BY_PAGE.find((p) => p.test.test(pathname));
  return [
    ...(page ? [{ title: page.title, keys: page.keys }] : []),
    { title: 'Everywhere', keys: EVERYWHERE },
  ];
}
