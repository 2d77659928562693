import { z } from 'zod';
import { MAPPING_FIELDS } from '../core/import-mapping';
import { MAX_LEAD_DAYS } from '../core/important-dates';
import { INTRODUCTION_OUTCOMES, INTRODUCTION_STAGES } from '../core/introductions';
import { isOneOf } from '../core/one-of';
import { PHOTO_SIZE } from '../core/photo-limits';
import { RESOURCE_KINDS } from '../core/resource-match';
import { CATCH_UP_FORMATS } from '../core/slots';
import { TRIP_KINDS } from '../core/trips';
import {
  CADENCE_KINDS,
  CADENCE_UNITS,
  CHANNELS,
  CIRCLE_KINDS,
  DATE_KINDS,
  DIRECTIONS,
  FACT_KINDS,
  HOLIDAY_KINDS,
  LEDGER_KINDS,
  LIFE_EVENT_KINDS,
  LINK_KINDS,
  RELATIONSHIP_KINDS,
  TASK_KINDS,
} from '../core/vocabulary';
import { Id, IsoDate, IsoDateTime, TimeZone } from './common';

/**
 * The JSON backup mirrors the tables column for column (snake_case, without account_id), so a
 * restore is lossless and a new column is one line here. Contacts nest their e-mails, phones,
 * links and tag names, as people read them. Bump BACKUP_SCHEMA_VERSION when a column changes meaning.
 */
export const BACKUP_SCHEMA_VERSION = 1;
/** Caps per file, checked before any row is validated: 3× the largest network Tend is built for. */
export const BACKUP_MAX_CONTACTS = 100_000;
/** Rows of any other section (years of interactions of 100,000 contacts stay under it). */
export const BACKUP_MAX_ROWS = 2_000_000;
/** Per contact: e-mails, phones, links and tags. */
const MAX_PER_CONTACT = 100;

const flag = z.union([z.literal(0), z.literal(1)]);
const int = z.number().int();
const str = (max = 100_000) => z.string().max(max);
// JSON text columns (topics, history, filters) are small; the cap keeps JSON.parse of each bounded.
const JSON_MAX = 100_000;
const json = z
  .string()
  .max(JSON_MAX)
  .refine(
    (v) => {
      try {
        JSON.parse(v);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be JSON text' },
  );
const time = IsoDateTime;
const cadence = {
  cadence_kind: z.enum(CADENCE_KINDS).nullable(),
  cadence_every: int.min(1).nullable(),
  cadence_unit: z.enum(CADENCE_UNITS).nullable(),
};

export const BackupSettings = z
  .object({
    time_zone: TimeZone,
    daily_size: int.min(1).max(100),
    weekly_budget: int.min(1).max(500),
    working_hours: json.nullable().default(null).describe('F15: JSON WorkingHours; null = the default'),
    digest_enabled: flag.default(0),
    digest_email: str(320).nullable().default(null),
    update_every_months: int.min(3).max(6).default(4),
  })
  .strict();

export const BackupCircle = z
  .object({
    id: Id,
    name: str(200),
    kind: z.enum(CIRCLE_KINDS),
    ...cadence,
    cadence_kind: z.enum(CADENCE_KINDS),
    color: z
      .string()
      .regex(/^#[0-9a-f]{6}$/)
      .nullable()
      .default(null)
      .describe('absent in backups made before circles had colours'),
    created_at: time,
  })
  .strict();

export const BackupTag = z.object({ id: Id, name: str(200) }).strict();

export const BackupContact = z
  .object({
    id: Id,
    first_name: str(200),
    last_name: str(200),
    sort_name: str(500),
    company: str(300).nullable(),
    title: str(300).nullable(),
    industry: str(300).nullable(),
    city: str(300).nullable(),
    country: str(300).nullable(),
    time_zone: TimeZone.nullable(),
    working_hours: json.nullable(),
    preferred_channel: z.enum(CHANNELS).nullable(),
    how_met: str(2000).nullable(),
    met_on: IsoDate.nullable(),
    circle_id: Id.nullable(),
    tracked: flag,
    ...cadence,
    last_interaction_at: time.nullable(),
    last_meaningful_at: time.nullable(),
    last_inbound_at: time.nullable(),
    last_reply_channel: z.enum(CHANNELS).nullable(),
    next_due_at: time.nullable(),
    // Derived (F20) and rescored by the tick once stale; optional so older backups still restore.
    health_score: z.number().int().min(0).max(100).nullable().default(null),
    health_computed_at: time.nullable().default(null),
    // Derived (F9) and recomputed on restore; optional so backups from before it still restore.
    holiday_country: str(2).nullable().default(null),
    // F30: 0 = don't capture this contact's mail and meetings; optional for older backups.
    capture: flag.default(1),
    created_at: time,
    updated_at: time,
    emails: z
      .array(z.object({ id: Id, value: z.email().max(320), label: str(100).nullable() }).strict())
      .max(MAX_PER_CONTACT),
    phones: z
      .array(
        z.object({ id: Id, value: str(100), e164: str(32).nullable(), label: str(100).nullable() }).strict(),
      )
      .max(MAX_PER_CONTACT),
    links: z
      .array(z.object({ id: Id, kind: z.enum(LINK_KINDS), url: str(2000) }).strict())
      .max(MAX_PER_CONTACT),
    tags: z.array(str(200)).max(MAX_PER_CONTACT).describe('tag names; each must be in the tags section'),
  })
  .strict();
export type BackupContact = z.infer<typeof BackupContact>;

const ofContact = { id: Id, contact_id: Id };

/** Row schemas of the flat sections, keyed by table name (which is also the section name). */
export const BACKUP_ROWS = {
  saved_segments: z.object({ id: Id, name: str(200), filter: json, created_at: time }).strict(),
  interactions: z
    .object({
      ...ofContact,
      channel: z.enum(CHANNELS),
      direction: z.enum(DIRECTIONS),
      occurred_at: time,
      summary: str(),
      topics: json,
      awaiting_reply: flag,
      retry_step: int.min(0).max(2),
      created_at: time,
    })
    .strict(),
  notes: z.object({ ...ofContact, body: str(), pinned: flag, created_at: time, updated_at: time }).strict(),
  facts: z
    .object({
      ...ofContact,
      kind: z.enum(FACT_KINDS),
      label: str(300),
      value: str(),
      pinned: flag,
      created_at: time,
    })
    .strict(),
  important_dates: z
    .object({
      ...ofContact,
      kind: z.enum(DATE_KINDS),
      label: str(300).nullable(),
      month: int.min(1).max(12),
      day: int.min(1).max(31),
      year: int.nullable(),
      lead_days: int.min(0).max(MAX_LEAD_DAYS),
      created_at: time,
    })
    .strict(),
  life_events: z
    .object({
      ...ofContact,
      kind: z.enum(LIFE_EVENT_KINDS),
      title: str(1000),
      occurred_on: IsoDate,
      source: str(50),
      created_at: time,
    })
    .strict(),
  tasks: z
    .object({
      id: Id,
      contact_id: Id.nullable(),
      kind: z.enum(TASK_KINDS),
      title: str(1000),
      due_at: time,
      done_at: time.nullable(),
      created_at: time,
    })
    .strict(),
  contact_photos: z
    .object({
      contact_id: Id,
      content_type: z.literal('image/jpeg'),
      // A 512×512 JPEG is under ~200 KB; the cap leaves room and keeps one row's parse bounded.
      data: z
        .string()
        .max(1_000_000)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
        .refine((v) => v.startsWith('/9j/'), 'must be a JPEG image'),
      hash: str(100),
      width: int.min(1).max(PHOTO_SIZE),
      height: int.min(1).max(PHOTO_SIZE),
      updated_at: time,
    })
    .strict(),
  queue_decisions: z
    .object({
      contact_id: Id,
      kind: z.enum(['done', 'snooze', 'skip']),
      until_at: time,
      created_at: time,
    })
    .strict(),
  resources: z
    .object({
      id: Id,
      kind: z.enum(RESOURCE_KINDS),
      title: str(1000),
      url: str(2000).nullable(),
      note: str(),
      created_at: time,
    })
    .strict(),
  resource_tags: z.object({ resource_id: Id, tag: str(200), position: int.min(0) }).strict(),
  resource_shares: z
    .object({ resource_id: Id, contact_id: Id, interaction_id: Id, shared_at: time })
    .strict(),
  introductions: z
    .object({
      id: Id,
      a_contact_id: Id,
      b_contact_id: Id,
      reason: str(),
      stage: z.enum(INTRODUCTION_STAGES),
      stage_at: time,
      outcome: z.enum(INTRODUCTION_OUTCOMES).nullable(),
      history: json,
      created_at: time,
    })
    .strict(),
  relationships: z
    .object({
      ...ofContact,
      other_contact_id: Id,
      kind: z.enum(RELATIONSHIP_KINDS),
      note: str(500).nullable(),
      created_at: time,
    })
    .strict(),
  ledger_entries: z
    .object({
      ...ofContact,
      kind: z.enum(LEDGER_KINDS),
      occurred_on: IsoDate,
      note: str().nullable(),
      introduction_id: Id.nullable().describe('soft reference: the give outlives the introduction'),
      created_at: time,
    })
    .strict(),
  catch_ups: z
    .object({
      ...ofContact,
      format: z.enum(CATCH_UP_FORMATS),
      start_at: time,
      end_at: time,
      status: z.enum(['planned', 'done', 'cancelled']),
      note: str(),
      interaction_id: Id.nullable().describe('soft reference: the catch-up outlives its log entry'),
      created_at: time,
    })
    .strict(),
  updates: z
    .object({
      id: Id,
      subject: str(500),
      body: str(),
      segment_id: Id.nullable().describe('soft reference: the update outlives its segment'),
      filter: json.nullable(),
      created_at: time,
      sent_at: time.nullable(),
      send_mode: z.enum(['smtp', 'drafts', 'linkedin_post']).nullable(),
    })
    .strict(),
  update_recipients: z
    .object({
      update_id: Id,
      contact_id: Id,
      channel: z.enum(['email', 'draft']),
      email: str(320),
      subject: str(500),
      body: str(),
      outbox_id: Id.nullable().describe('soft reference: the outbox is not backed up'),
      interaction_id: Id.nullable(),
    })
    .strict(),
  trips: z
    .object({
      id: Id,
      name: str(200),
      city: str(200),
      country: str(200).nullable(),
      starts_on: IsoDate,
      ends_on: IsoDate,
      kind: z.enum(TRIP_KINDS),
      created_at: time,
    })
    .strict(),
  holiday_settings: z
    .object({
      circle_id: Id,
      kinds: z.string().refine((v) => {
        try {
          const list: unknown = JSON.parse(v);
          return Array.isArray(list) && list.every((k) => isOneOf(HOLIDAY_KINDS, k));
        } catch {
          return false;
        }
      }, 'must be a JSON array of holiday kinds'),
      lead_days: int.min(0).max(MAX_LEAD_DAYS),
      updated_at: time,
    })
    .strict(),
  import_mappings: z
    .object({
      header_key: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex'),
      fields: z.string().refine((v) => {
        try {
          const list: unknown = JSON.parse(v);
          return Array.isArray(list) && list.length <= 500 && list.every((f) => isOneOf(MAPPING_FIELDS, f));
        } catch {
          return false;
        }
      }, 'must be a JSON array of mapping fields'),
      updated_at: time,
    })
    .strict(),
  // What capture has already turned into interactions, without the source (it stays on the server):
  // re-adding a source after a restore and reading the same mail again adds nothing.
  captured_items: z
    .object({
      item_key: str(1000),
      contact_id: Id,
      interaction_id: Id,
      direction: z.enum(DIRECTIONS),
    })
    .strict(),
} as const;
export type FlatSection = keyof typeof BACKUP_ROWS;

const section = <K extends FlatSection>(name: K) =>
  z.array(BACKUP_ROWS[name]).max(BACKUP_MAX_ROWS).default([]);

export const Backup = z
  .object({
    schemaVersion: z.literal(BACKUP_SCHEMA_VERSION),
    exportedAt: time,
    settings: BackupSettings,
    circles: z.array(BackupCircle).max(BACKUP_MAX_ROWS),
    tags: z.array(BackupTag).max(BACKUP_MAX_ROWS),
    contacts: z.array(BackupContact).max(BACKUP_MAX_CONTACTS),
    saved_segments: section('saved_segments'),
    interactions: section('interactions'),
    notes: section('notes'),
    facts: section('facts'),
    important_dates: section('important_dates'),
    life_events: section('life_events'),
    tasks: section('tasks'),
    contact_photos: section('contact_photos'),
    queue_decisions: section('queue_decisions'),
    resources: section('resources'),
    resource_tags: section('resource_tags'),
    resource_shares: section('resource_shares'),
    introductions: section('introductions'),
    relationships: section('relationships'),
    ledger_entries: section('ledger_entries'),
    catch_ups: section('catch_ups'),
    trips: section('trips'),
    updates: section('updates'),
    update_recipients: section('update_recipients'),
    holiday_settings: section('holiday_settings'),
    import_mappings: section('import_mappings'),
    captured_items: section('captured_items'),
  })
  .strict();
export type Backup = z.infer<typeof Backup>;

export const RestoreSummary = z.object({
  restored: z.record(z.string(), z.number().int()).describe('rows written per section'),
});
export type RestoreSummary = z.infer<typeof RestoreSummary>;
