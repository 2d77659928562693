/** Pages the palette can jump to, in the order the navigation lists them. */
export const PAGES = [
  { to: '/today', label: 'Today', keywords: ['home', 'queue'] },
  { to: '/contacts', label: 'Contacts', keywords: ['people'] },
  { to: '/circles', label: 'Circles', keywords: ['cadence', 'capacity', 'budget', 'groups'] },
  { to: '/dashboard', label: 'Dashboard', keywords: ['charts', 'health', 'stats'] },
  { to: '/updates', label: 'Updates', keywords: ['email', 'newsletter'] },
  { to: '/import', label: 'Import', keywords: ['csv', 'linkedin', 'vcard'] },
  { to: '/introductions', label: 'Introductions', keywords: ['intro'] },
  { to: '/resources', label: 'Resources', keywords: ['links', 'articles'] },
  { to: '/trips', label: 'Trips', keywords: ['travel'] },
  { to: '/settings', label: 'Settings', keywords: ['preferences', 'tokens'] },
] as const;

/** Whether an action's label or keywords contain every word typed, ignoring case. */
export function matches(query: string, label: string, keywords: readonly string[] = []): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = [label, ...keywords].join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}
