/** The closed vocabularies of the domain; contract, store and web build their enums from these. */

export const CHANNELS = [
  'email',
  'linkedin',
  'text',
  'call',
  'video',
  'in_person',
  'card',
  'social_dm',
  'event',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** outbound = I reached out; inbound = they reached out. */
export const DIRECTIONS = ['outbound', 'inbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const CIRCLE_KINDS = [
  'mentor',
  'peer',
  'industry_leader',
  'client_partner',
  'aspirational',
  'other',
] as const;
export type CircleKind = (typeof CIRCLE_KINDS)[number];

/** Named cadences; `custom` uses every + unit; `ad_hoc` is never due; `not_tracked` never shows. */
export const CADENCE_KINDS = [
  'monthly',
  'quarterly',
  'twice_yearly',
  'yearly',
  'custom',
  'ad_hoc',
  'not_tracked',
] as const;
export type CadenceKind = (typeof CADENCE_KINDS)[number];
export const NAMED_CADENCE_KINDS = [
  'monthly',
  'quarterly',
  'twice_yearly',
  'yearly',
  'ad_hoc',
  'not_tracked',
] as const;
export const CADENCE_UNITS = ['days', 'weeks', 'months'] as const;
export type CadenceUnit = (typeof CADENCE_UNITS)[number];

export type Cadence =
  | { kind: Exclude<CadenceKind, 'custom'> }
  | { kind: 'custom'; every: number; unit: CadenceUnit };

export const FACT_KINDS = [
  'family',
  'hobby',
  'interest',
  'professional_topic',
  'working_on',
  'preference',
  'other',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export const DATE_KINDS = [
  'birthday',
  'work_anniversary',
  'personal_anniversary',
  'company_milestone',
  'other',
] as const;
export type DateKind = (typeof DATE_KINDS)[number];

export const LIFE_EVENT_KINDS = [
  'promotion',
  'new_job',
  'new_role',
  'product_launch',
  'award',
  'move',
  'challenge',
  'other',
] as const;
export type LifeEventKind = (typeof LIFE_EVENT_KINDS)[number];

export const LINK_KINDS = ['linkedin', 'website', 'twitter', 'github', 'other'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const TASK_KINDS = ['follow_up', 'takeaway', 'general'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** Working hours in the contact's own zone; days are ISO weekdays (1 = Monday … 7 = Sunday). */
export interface WorkingHours {
  start: string; // "09:00"
  end: string; // "17:30"
  days: number[];
}
export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] };

/** F11 give/ask ledger: what was given, asked or received; LEDGER_DIRECTION says which. */
export const LEDGER_KINDS = [
  'introduction_made',
  'resource_shared',
  'job_opening_shared',
  'recommendation_written',
  'public_congratulation',
  'help_given',
  'favour_asked',
  'favour_received',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export type LedgerDirection = 'give' | 'ask' | 'received';
export const LEDGER_DIRECTION: Record<LedgerKind, LedgerDirection> = {
  introduction_made: 'give',
  resource_shared: 'give',
  job_opening_shared: 'give',
  recommendation_written: 'give',
  public_congratulation: 'give',
  help_given: 'give',
  favour_asked: 'ask',
  favour_received: 'received',
};

/** Where captured interactions come from (F30). */
export const CAPTURE_SOURCE_KINDS = ['imap', 'mbox', 'ics', 'linkedin_messages', 'whatsapp'] as const;
export type CaptureSourceKind = (typeof CAPTURE_SOURCE_KINDS)[number];
/** F31 client: a new card that matches a contact, or a linked card whose fields both sides changed. */
export const CARDDAV_CONFLICT_KINDS = ['match', 'fields'] as const;
export type CarddavConflictKind = (typeof CARDDAV_CONFLICT_KINDS)[number];
/** The Tend fields a card carries, in the order a person reads them; a fields conflict names them. */
export const CARD_FIELD_NAMES = [
  'name',
  'emails',
  'phones',
  'links',
  'company',
  'title',
  'address',
  'timeZone',
  'birthday',
  'anniversary',
  'notes',
  'tags',
  'industry',
  'connectedOn',
] as const;
export type CardField = (typeof CARD_FIELD_NAMES)[number];
/**
 * F9 holidays, in Tend's own small vocabulary: the observances people send a greeting for, plus
 * `public_holiday` for any other national public holiday of the contact's country.
 */
export const HOLIDAY_KINDS = [
  'new_year',
  'lunar_new_year',
  'easter',
  'eid_al_fitr',
  'eid_al_adha',
  'diwali',
  'rosh_hashanah',
  'hanukkah',
  'thanksgiving',
  'christmas',
  'public_holiday',
] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];
/**
 * F29 relationships between contacts. A row (contact A, other B, kind) reads "B is A's <kind>":
 * "B is A's manager", "A was introduced by B". Spouse, partner, colleague and knows read the same
 * from both sides.
 */
export const RELATIONSHIP_KINDS = [
  'spouse',
  'partner',
  'colleague',
  'manager',
  'introduced_by',
  'knows',
] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

/** F24/F16 outbox: what a message is, and where it stands (a sent or failed one is never retried). */
export const OUTBOX_KINDS = ['digest', 'update'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const CATCH_UP_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type CatchUpStatus = (typeof CATCH_UP_STATUSES)[number];

/** F16 updates: sent by SMTP or left as drafts; a public post (LinkedIn share) has no recipients. */
export const UPDATE_SEND_MODES = ['smtp', 'drafts'] as const;
export const PUBLIC_POST_MODE = 'linkedin_post';
export type UpdateSendMode = (typeof UPDATE_SEND_MODES)[number] | typeof PUBLIC_POST_MODE;
export const UPDATE_RECIPIENT_CHANNELS = ['email', 'draft'] as const;
export type UpdateRecipientChannel = (typeof UPDATE_RECIPIENT_CHANNELS)[number];

/** A decision on Today's queue: done for this cycle, snoozed or skipped until a date. */
export const DECISION_KINDS = ['done', 'snooze', 'skip'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
