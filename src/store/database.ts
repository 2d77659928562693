import type { Generated, Insertable, Kysely } from 'kysely';
import type { IntroductionOutcome, IntroductionStage } from '../core/introductions';
import type { ResourceKind } from '../core/resource-match';
import type { CatchUpFormat } from '../core/slots';
import type { TripKind } from '../core/trips';
import type {
  CadenceKind,
  CadenceUnit,
  CaptureSourceKind,
  CarddavConflictKind,
  CatchUpStatus,
  Channel,
  CircleKind,
  DateKind,
  DecisionKind,
  Direction,
  FactKind,
  LedgerKind,
  LifeEventKind,
  LinkKind,
  OutboxKind,
  OutboxStatus,
  RelationshipKind,
  TaskKind,
  UpdateRecipientChannel,
  UpdateSendMode,
} from '../core/vocabulary';

/**
 * Table types. Portable column types only, so one migration serves both dialects:
 * ids are UUIDv7 text, times are UTC ISO-8601 text, dates are YYYY-MM-DD text,
 * flags are integers 0/1, structured values are JSON text. A closed word list is typed as its
 * union from core (circle and cadence kinds, fact, life-event and task kinds, catch-up formats,
 * trip kinds), so a repository row already speaks the domain and no service writes `as CircleKind`.
 */
export interface AccountsTable {
  id: string;
  name: string;
  time_zone: string;
  daily_size: Generated<number>;
  weekly_budget: Generated<number>;
  created_at: string;
  /** F24: 0/1, and where to (null: the first user's e-mail). */
  digest_enabled: Generated<number>;
  digest_email: string | null;
  /** The local YYYY-MM-DD the digest tick last handled. */
  digest_done_on: string | null;
  /** F16: how often the "time for an update" banner comes back (3–6). */
  update_every_months: Generated<number>;
  /** F15: JSON WorkingHours; null = DEFAULT_WORKING_HOURS. */
  working_hours: string | null;
}

export interface UsersTable {
  account_id: string;
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
}

export interface SessionsTable {
  token_hash: string;
  account_id: string;
  user_id: string;
  /** Null only for a session that predates its migration and was never backfilled (none). */
  id: string | null;
  created_at: string;
  expires_at: string;
  last_seen_at: string | null;
  user_agent: string | null;
  ip: string | null;
}

/** Per-account back-off on failed sign-ins; `key` is a hash of the e-mail as typed (known or not). */
export interface SignInThrottleTable {
  key: string;
  failures: number;
  blocked_until: string | null;
  last_failure_at: string;
}

export interface ApiTokensTable {
  account_id: string;
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** Space-separated TokenScope values (core/token-scopes.ts). */
  scopes: Generated<string>;
  expires_at: string | null;
}

export interface CirclesTable {
  account_id: string;
  id: string;
  name: string;
  kind: CircleKind;
  cadence_kind: CadenceKind;
  cadence_every: number | null;
  cadence_unit: CadenceUnit | null;
  /** #rrggbb, or null when none was chosen. */
  color: string | null;
  created_at: string;
}

export interface ContactsTable {
  account_id: string;
  id: string;
  first_name: string;
  last_name: string;
  sort_name: string;
  company: string | null;
  title: string | null;
  industry: string | null;
  city: string | null;
  country: string | null;
  time_zone: string | null;
  working_hours: string | null;
  preferred_channel: Channel | null;
  how_met: string | null;
  met_on: string | null;
  circle_id: string | null;
  tracked: number;
  cadence_kind: CadenceKind | null;
  cadence_every: number | null;
  cadence_unit: CadenceUnit | null;
  /** Derived, kept in the same transaction as the interaction that changes it. */
  last_interaction_at: string | null;
  last_meaningful_at: string | null;
  last_inbound_at: string | null;
  last_reply_channel: Channel | null;
  next_due_at: string | null;
  /** Derived (F20): core/health.ts's score, null = no history; rescored daily by the tick. */
  health_score: number | null;
  health_computed_at: string | null;
  /** 0 = the user asked that nothing be captured for this contact. */
  capture: Generated<number>;
  /** Derived (F9): ISO country whose holidays apply, from country, else phone, else zone; set on every write. */
  holiday_country: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactEmailsTable {
  account_id: string;
  id: string;
  contact_id: string;
  value: string;
  label: string | null;
  position: number;
}

export interface ContactPhonesTable {
  account_id: string;
  id: string;
  contact_id: string;
  value: string;
  e164: string | null;
  label: string | null;
  position: number;
}

export interface ContactLinksTable {
  account_id: string;
  id: string;
  contact_id: string;
  kind: LinkKind;
  url: string;
  position: number;
}

export interface TagsTable {
  account_id: string;
  id: string;
  name: string;
}

export interface ContactTagsTable {
  account_id: string;
  contact_id: string;
  tag_id: string;
}

export interface SavedSegmentsTable {
  account_id: string;
  id: string;
  name: string;
  filter: string;
  created_at: string;
}

/** F29: "other_contact_id is contact_id's <kind>" (see core/vocabulary RELATIONSHIP_KINDS). */
export interface RelationshipsTable {
  account_id: string;
  id: string;
  contact_id: string;
  other_contact_id: string;
  kind: RelationshipKind;
  note: string | null;
  created_at: string;
}

export interface InteractionsTable {
  account_id: string;
  id: string;
  contact_id: string;
  channel: Channel;
  direction: Direction;
  occurred_at: string;
  summary: string;
  topics: string;
  awaiting_reply: number;
  retry_step: number;
  created_at: string;
}

export interface NotesTable {
  account_id: string;
  id: string;
  contact_id: string;
  body: string;
  pinned: number;
  created_at: string;
  updated_at: string;
}

export interface FactsTable {
  account_id: string;
  id: string;
  contact_id: string;
  kind: FactKind;
  label: string;
  value: string;
  pinned: number;
  created_at: string;
}

export interface ImportantDatesTable {
  account_id: string;
  id: string;
  contact_id: string;
  kind: DateKind;
  label: string | null;
  month: number;
  day: number;
  year: number | null;
  lead_days: number;
  created_at: string;
}

export interface LifeEventsTable {
  account_id: string;
  id: string;
  contact_id: string;
  kind: LifeEventKind;
  title: string;
  occurred_on: string;
  source: string;
  created_at: string;
}

export interface TasksTable {
  account_id: string;
  id: string;
  contact_id: string | null;
  kind: TaskKind;
  title: string;
  due_at: string;
  done_at: string | null;
  created_at: string;
}

export interface QueueDecisionsTable {
  account_id: string;
  contact_id: string;
  kind: DecisionKind;
  until_at: string;
  created_at: string;
}

export interface ContactSearchTable {
  account_id: string;
  contact_id: string;
  body: string;
}

export interface FeedTokensTable {
  account_id: string;
  id: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  revoked_at: string | null;
}

export interface ResourcesTable {
  account_id: string;
  id: string;
  kind: ResourceKind;
  title: string;
  url: string | null;
  note: string;
  created_at: string;
}

export interface ResourceTagsTable {
  account_id: string;
  resource_id: string;
  tag: string;
  position: number;
}

/** Which contact received which resource, through which logged interaction. */
export interface ResourceSharesTable {
  account_id: string;
  resource_id: string;
  contact_id: string;
  interaction_id: string;
  shared_at: string;
}

export interface LedgerEntriesTable {
  account_id: string;
  id: string;
  contact_id: string;
  kind: LedgerKind;
  occurred_on: string;
  note: string | null;
  /** Soft reference to introductions.id (no foreign key: the other contact keeps the give). */
  introduction_id: string | null;
  created_at: string;
}

export interface IntroductionsTable {
  account_id: string;
  id: string;
  a_contact_id: string;
  b_contact_id: string;
  reason: string;
  stage: IntroductionStage;
  stage_at: string;
  outcome: IntroductionOutcome | null;
  /** JSON IntroductionStep[] */
  history: string;
  created_at: string;
}

export interface ImportRunsTable {
  account_id: string;
  id: string;
  format: string;
  file_name: string;
  /** 'reading' | 'preview' | 'committed' | 'discarded' */
  status: string;
  region: string;
  /** JSON: preview counts, and after commit what was done. */
  counts: string;
  created_at: string;
  committed_at: string | null;
  /** JSON StoredMapping of a generic CSV (its columns and the field of each); null for other formats. */
  mapping: string | null;
}

/** A generic CSV preview's decoded upload, in chunks, read again when its mapping changes. */
export interface ImportUploadsTable {
  account_id: string;
  run_id: string;
  seq: number;
  /** Decoded lines joined with LF. */
  text: string;
}

/** The last column mapping used for a header set (sha256 of the normalised names). */
export interface ImportMappingsTable {
  account_id: string;
  header_key: string;
  /** JSON array of mapping fields, one per column. */
  fields: string;
  updated_at: string;
}

export interface ImportRowsTable {
  account_id: string;
  run_id: string;
  line: number;
  /** 'new' | 'duplicate' | 'merge' | 'conflict' | 'error' */
  status: string;
  /** JSON ImportedContact (without photo); null for errors. */
  contact: string | null;
  match_contact_id: string | null;
  match_line: number | null;
  matched_by: string | null;
  /** JSON FieldChange[] for merges. */
  changes: string | null;
  error: string | null;
  raw_name: string | null;
  /** Why a conflict row is not merged by default ("same phone, different name …"). */
  reason: string | null;
  /** JSON string[]: fields that could not be read and were skipped, the contact kept. */
  warnings: string | null;
}

/** A contact's photo (F23): a normalised JPEG, base64, kept apart from the contacts rows lists read. */
export interface ContactPhotosTable {
  account_id: string;
  contact_id: string;
  /** 'image/jpeg' */
  content_type: string;
  /** base64 */
  data: string;
  /** The ETag: a hash of the bytes. */
  hash: string;
  width: number;
  height: number;
  updated_at: string;
}

/** A previewed row's photo, already normalised, until the commit moves it to contact_photos. */
export interface ImportRowPhotosTable {
  account_id: string;
  run_id: string;
  line: number;
  content_type: string;
  data: string;
  hash: string;
  width: number;
  height: number;
}

export interface OutboxTable {
  account_id: string;
  id: string;
  idempotency_key: string;
  kind: OutboxKind;
  to_address: string;
  subject: string;
  text: string;
  html: string | null;
  status: OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  sending_at: string | null;
  sent_at: string | null;
  created_at: string;
}

export interface UpdatesTable {
  account_id: string;
  id: string;
  subject: string;
  body: string;
  segment_id: string | null;
  /** JSON ContactFilter when there is no segment. */
  filter: string | null;
  created_at: string;
  sent_at: string | null;
  send_mode: UpdateSendMode | null;
}

export interface UpdateRecipientsTable {
  account_id: string;
  update_id: string;
  contact_id: string;
  channel: UpdateRecipientChannel;
  email: string;
  subject: string;
  body: string;
  outbox_id: string | null;
  interaction_id: string | null;
}

export interface CatchUpsTable {
  account_id: string;
  id: string;
  contact_id: string;
  format: CatchUpFormat;
  start_at: string;
  end_at: string;
  status: CatchUpStatus;
  note: string;
  interaction_id: string | null;
  created_at: string;
}

export interface TripsTable {
  account_id: string;
  id: string;
  name: string;
  city: string;
  country: string | null;
  /** Local dates, YYYY-MM-DD, both inclusive. */
  starts_on: string;
  ends_on: string;
  kind: TripKind;
  created_at: string;
}

/** F31: one CardDAV address book per account; `seq` is its sync-token counter. */
export interface DavBooksTable {
  account_id: string;
  seq: Generated<number>;
  /** DavDeleteMode: what a delete on the phone does to the contact. */
  delete_mode: Generated<'delete' | 'untrack'>;
  watermark: string | null;
  contacts_count: number | null;
  created_at: string;
}

/** One card resource of the book; deleted = 1 is a tombstone that sync-collection reports. */
export interface DavCardsTable {
  account_id: string;
  href: string;
  contact_id: string;
  uid: string;
  body: string;
  etag: string;
  seq: number;
  deleted: Generated<number>;
  contact_updated_at: string;
  note_id: string | null;
}

export interface CaptureSourcesTable {
  account_id: string;
  id: string;
  kind: CaptureSourceKind;
  name: string;
  /** JSON SourceSettings (no secrets). */
  settings: string;
  /** AES-256-GCM sealed credentials; never sent to a client or written to an export. */
  secret: string | null;
  /** JSON: where the next sync resumes. */
  cursor: string;
  locked_until: string | null;
  seen: Generated<number>;
  captured: Generated<number>;
  skipped: Generated<number>;
  failed: Generated<number>;
  last_sync_at: string | null;
  last_error: string | null;
  created_at: string;
  /** 1 = keep message texts (bounded) in the interactions' summaries (LinkedIn, WhatsApp). */
  store_bodies: Generated<number>;
}

export interface CapturedItemsTable {
  account_id: string;
  item_key: string;
  contact_id: string;
  /** Null for a key restored from a backup: its source was not (sources stay on the server). */
  source_id: string | null;
  interaction_id: string;
  direction: Direction;
}

/** A meeting with a contact in the next 36 hours, as a calendar source's last sync found it. */
export interface CalendarMeetingsTable {
  account_id: string;
  source_id: string;
  item_key: string;
  contact_id: string;
  starts_at: string;
  all_day: number;
  title: string;
}

export interface CaptureSuggestionsTable {
  account_id: string;
  address: string;
  name: string;
  messages: number;
  last_at: string;
  dismissed: Generated<number>;
}

/** F9: which holidays count for a circle's contacts, and how many days ahead. */
export interface HolidaySettingsTable {
  account_id: string;
  circle_id: string;
  /** JSON array of HolidayKind. */
  kinds: string;
  lead_days: number;
  updated_at: string;
}

/** F31 client: an address book the user subscribed to; `secret` is the sealed app password. */
export interface CarddavSubscriptionsTable {
  account_id: string;
  id: string;
  name: string;
  url: string;
  username: string;
  secret: string;
  sync_collection: Generated<number>;
  sync_token: string | null;
  push_new: Generated<number>;
  locked_until: string | null;
  pulled: Generated<number>;
  pushed: Generated<number>;
  last_sync_at: string | null;
  last_error: string | null;
  created_at: string;
}

/** A remote card linked to a contact; `body` is the card as last synced (the three-way base). */
export interface CarddavLinksTable {
  account_id: string;
  subscription_id: string;
  href: string;
  contact_id: string;
  etag: string;
  body: string;
  contact_updated_at: string;
  note_id: string | null;
}

/** What waits for the user: a card matching a contact, or fields both sides changed. */
export interface CarddavConflictsTable {
  account_id: string;
  id: string;
  subscription_id: string;
  href: string;
  kind: CarddavConflictKind;
  contact_id: string;
  /** JSON: CarddavConflictDetail. */
  detail: string;
  etag: string;
  body: string;
  created_at: string;
}

export interface Database {
  carddav_subscriptions: CarddavSubscriptionsTable;
  carddav_links: CarddavLinksTable;
  carddav_conflicts: CarddavConflictsTable;
  capture_sources: CaptureSourcesTable;
  captured_items: CapturedItemsTable;
  capture_suggestions: CaptureSuggestionsTable;
  calendar_meetings: CalendarMeetingsTable;
  holiday_settings: HolidaySettingsTable;
  catch_ups: CatchUpsTable;
  trips: TripsTable;
  ledger_entries: LedgerEntriesTable;
  introductions: IntroductionsTable;
  accounts: AccountsTable;
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_throttle: SignInThrottleTable;
  api_tokens: ApiTokensTable;
  circles: CirclesTable;
  contacts: ContactsTable;
  contact_emails: ContactEmailsTable;
  contact_phones: ContactPhonesTable;
  contact_links: ContactLinksTable;
  contact_photos: ContactPhotosTable;
  import_row_photos: ImportRowPhotosTable;
  tags: TagsTable;
  contact_tags: ContactTagsTable;
  saved_segments: SavedSegmentsTable;
  relationships: RelationshipsTable;
  interactions: InteractionsTable;
  notes: NotesTable;
  facts: FactsTable;
  important_dates: ImportantDatesTable;
  life_events: LifeEventsTable;
  tasks: TasksTable;
  queue_decisions: QueueDecisionsTable;
  contact_search: ContactSearchTable;
  import_runs: ImportRunsTable;
  import_rows: ImportRowsTable;
  import_uploads: ImportUploadsTable;
  import_mappings: ImportMappingsTable;
  feed_tokens: FeedTokensTable;
  resources: ResourcesTable;
  resource_tags: ResourceTagsTable;
  resource_shares: ResourceSharesTable;
  outbox: OutboxTable;
  updates: UpdatesTable;
  update_recipients: UpdateRecipientsTable;
  dav_books: DavBooksTable;
  dav_cards: DavCardsTable;
}

/** A database handle or an open transaction; repositories accept either. */
export type Db = Kysely<Database>;

/** A row to insert into `table`, for services that assemble rows before a repository writes them. */
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
