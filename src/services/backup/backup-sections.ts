import type { FlatSection } from '../../contract/backup';

/**
 * Flat sections in restore order (a row only points at sections above it), with their key
 * columns: the order rows are written in, and what must be unique. `refs` names the columns that
 * hold another section's id, so a broken reference is a 400 naming the row, not a foreign-key error.
 */
export const FLAT_SECTIONS = [
  { section: 'saved_segments', keys: ['id'], refs: {} },
  { section: 'interactions', keys: ['id'], refs: { contact_id: 'contacts' } },
  { section: 'notes', keys: ['id'], refs: { contact_id: 'contacts' } },
  { section: 'facts', keys: ['id'], refs: { contact_id: 'contacts' } },
  { section: 'important_dates', keys: ['id'], refs: { contact_id: 'contacts' } },
  { section: 'life_events', keys: ['id'], refs: { contact_id: 'contacts' } },
  { section: 'tasks', keys: ['id'], refs: { contact_id: 'contacts' } },
  { section: 'queue_decisions', keys: ['contact_id'], refs: { contact_id: 'contacts' } },
  // Photos travel as the base64 they are stored in: a restore gives back the same bytes and ETags.
  { section: 'contact_photos', keys: ['contact_id'], refs: { contact_id: 'contacts' } },
  { section: 'resources', keys: ['id'], refs: {} },
  { section: 'resource_tags', keys: ['resource_id', 'tag'], refs: { resource_id: 'resources' } },
  {
    section: 'resource_shares',
    keys: ['interaction_id'],
    refs: { resource_id: 'resources', contact_id: 'contacts', interaction_id: 'interactions' },
  },
  {
    section: 'introductions',
    keys: ['id'],
    refs: { a_contact_id: 'contacts', b_contact_id: 'contacts' },
  },
  {
    section: 'relationships',
    keys: ['id'],
    refs: { contact_id: 'contacts', other_contact_id: 'contacts' },
  },
  { section: 'ledger_entries', keys: ['id'], refs: { contact_id: 'contacts' } },
  { section: 'catch_ups', keys: ['id'], refs: { contact_id: 'contacts' } },
  { section: 'trips', keys: ['id'], refs: {} },
  { section: 'updates', keys: ['id'], refs: {} },
  {
    section: 'update_recipients',
    keys: ['update_id', 'contact_id'],
    refs: { update_id: 'updates', contact_id: 'contacts' },
  },
  { section: 'holiday_settings', keys: ['circle_id'], refs: { circle_id: 'circles' } },
  // The last column mapping per CSV header set: a preference, restored so the next import is pre-filled.
  { section: 'import_mappings', keys: ['header_key'], refs: {} },
  // Captured-item keys, so a source added again after a restore does not capture the same mail twice.
  // interaction_id is not a reference: the user may have deleted the interaction, the key stays.
  { section: 'captured_items', keys: ['item_key', 'contact_id'], refs: { contact_id: 'contacts' } },
] as const satisfies readonly {
  section: FlatSection;
  keys: readonly string[];
  refs: Readonly<Record<string, 'contacts' | 'circles' | FlatSection>>;
}[];

/** Contact children nested in each contact: table, key in the contact, columns besides contact_id/position. */
export const CONTACT_CHILDREN = [
  { table: 'contact_emails', key: 'emails', columns: ['id', 'value', 'label'] },
  { table: 'contact_phones', key: 'phones', columns: ['id', 'value', 'e164', 'label'] },
  { table: 'contact_links', key: 'links', columns: ['id', 'kind', 'url'] },
] as const;

/** Which section every backed-up table travels in. */
export const BACKED_UP_TABLES: Readonly<Record<string, string>> = {
  accounts: 'settings',
  circles: 'circles',
  tags: 'tags',
  contacts: 'contacts',
  contact_emails: 'contacts',
  contact_phones: 'contacts',
  contact_links: 'contacts',
  contact_tags: 'contacts',
  ...Object.fromEntries(FLAT_SECTIONS.map((s) => [s.section, s.section])),
};

/** Account-owned tables a backup leaves out on purpose, and why. */
export const NOT_BACKED_UP: Readonly<Record<string, string>> = {
  users: 'sign-in belongs to the server: a backup restores into an account you are signed in to',
  sessions: 'sign-in state',
  sign_in_throttle: 'transient sign-in back-off, keyed by e-mail hash rather than by account',
  api_tokens: 'secrets: a restore must not revive old credentials',
  feed_tokens: 'secrets: a restore must not revive an old calendar URL',
  contact_search: 'derived from contacts, notes and facts; rebuilt on restore',
  import_runs: 'transient import previews',
  import_rows: 'transient import previews',
  import_row_photos: 'transient import previews (photos waiting for the commit)',
  import_uploads: 'transient import previews (a generic CSV preview keeps its file until commit or discard)',
  outbox: 'a transient send queue: restoring it would send old mail again',
  capture_sources:
    'hold sealed mailbox credentials, which never leave the server: add sources again after a restore',
  capture_suggestions: 'recomputed from mail and calendars as sources sync',
  calendar_meetings: 'the next 36 hours of the calendar sources above, read again on each sync',
  dav_books: "phones' sync state: after a restore every client starts a fresh initial sync",
  dav_cards: "phones' sync state: after a restore every client starts a fresh initial sync",
  carddav_subscriptions:
    "holds an app password sealed with this server's key; after a restore, subscribe to the address book again",
  carddav_links: 'sync state of the subscriptions above: a new subscription links its cards again',
  carddav_conflicts: 'sync state of the subscriptions above: the next sync lists them again',
};
