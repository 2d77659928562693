import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { MAPPING_FIELDS } from '../core/import-mapping';

import { LINK_KINDS } from '../core/vocabulary';
import { Id, Limit } from './common';

export const IMPORT_FORMATS = ['vcard', 'linkedin', 'google', 'outlook', 'generic'] as const;
export const IMPORT_ROW_STATUSES = ['new', 'duplicate', 'merge', 'conflict', 'error'] as const;
export const IMPORT_RUN_STATUSES = ['reading', 'preview', 'committed', 'discarded'] as const;
export const MATCH_KEYS = ['uid', 'email', 'linkedin', 'phone', 'name_company'] as const;
/** Content types the preview route accepts as the raw file body. */
export const IMPORT_CONTENT_TYPES = [
  'application/octet-stream',
  'text/csv',
  'text/vcard',
  'text/x-vcard',
  // What curl, some browsers (a .csv on Windows with Excel installed) and old address books send.
  'text/plain',
  'application/vnd.ms-excel',
] as const;
/**
 * The most rows one file may preview: above the 200,000-row file of the import benchmark, well under
 * what a 60 MB file of one-line rows could claim (a 10 MB file of one quoted field once made 5 million).
 */
export const MAX_PREVIEW_ROWS = 250_000;
/** The largest file the preview route reads (the rest of the API takes 1 MB). */
export const IMPORT_BODY_LIMIT = 60 * 1024 * 1024;

export const ImportPreviewQuery = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(255)
    .default('upload')
    .describe('The original file name, shown in the import history; the format is read from the content'),
  region: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code like GB or US')
    .refine((v) => isSupportedCountry(v), 'is not a country code libphonenumber knows')
    .optional()
    .describe(
      "Country for phone numbers written without +country code; default from the account's time zone",
    ),
  map: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(4000)
    .optional()
    .describe(
      'For a generic CSV: "Column=field,…" (fields: ' +
        `${MAPPING_FIELDS.join(', ')}); the columns not named keep the remembered or guessed field`,
    ),
});
export type ImportPreviewQuery = z.infer<typeof ImportPreviewQuery>;

export const ImportMappingColumn = z.object({
  index: z.number().int().describe('0-based position in the header'),
  name: z.string().describe('The header as written'),
  sample: z.string().describe('The first non-empty value under it'),
  guess: z.enum(MAPPING_FIELDS).describe('What the header name or the values suggest'),
  field: z.enum(MAPPING_FIELDS).describe('What the column is read as'),
});
export const ImportMapping = z
  .object({
    columns: z.array(ImportMappingColumn),
    remembered: z.boolean().describe('Pre-filled from the last mapping used for the same header set'),
    warnings: z
      .array(z.string())
      .describe('Per column: "column \'Geburtstag\' mapped to birthday: 3 rows have unreadable dates …"'),
  })
  .describe('How a generic CSV is read: one field per column; change it with PUT /imports/{id}/mapping');
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportMappingBody = z
  .object({
    fields: z.array(z.enum(MAPPING_FIELDS)).min(1).max(500).describe('One field per column, in header order'),
  })
  .strict();
export type ImportMappingBody = z.infer<typeof ImportMappingBody>;

const DateParts = z.object({ month: z.number(), day: z.number(), year: z.number().optional() });

export const ImportedContact = z
  .object({
    uid: z.string().optional().describe("The vCard UID; Tend's own export writes the contact id"),
    firstName: z.string(),
    lastName: z.string(),
    emails: z.array(z.object({ value: z.string(), label: z.string().optional() })),
    phones: z.array(z.object({ value: z.string(), label: z.string().optional() })),
    links: z.array(z.object({ kind: z.enum(LINK_KINDS), url: z.string() })),
    company: z.string().optional(),
    title: z.string().optional(),
    industry: z.string().optional(),
    city: z.string().optional(),
    country: z.string().optional(),
    timeZone: z.string().optional(),
    notes: z.string().optional(),
    tags: z.array(z.string()),
    connectedOn: z.string().optional().describe('YYYY-MM-DD; becomes met_on with how_met "LinkedIn"'),
    birthday: DateParts.optional(),
    anniversary: DateParts.optional(),
    hasPhoto: z
      .literal(true)
      .optional()
      .describe('The row carries a photo (its bytes are not in the preview)'),
  })
  .describe('A contact as read from the file');

export const ImportFieldChange = z
  .union([
    z.object({
      field: z.string(),
      from: z.string().optional(),
      to: z.string(),
      applies: z
        .boolean()
        .describe('false when the contact keeps its own value: only company and title are overwritten'),
    }),
    z.object({ field: z.enum(['emails', 'phones', 'links', 'tags']), added: z.array(z.string()) }),
  ])
  .describe('What a merge would change: a field filled or overwritten, or items added to a list');

export const ImportRow = z.object({
  line: z.number().int().describe('Line of the file where the record starts (1-based)'),
  status: z.enum(IMPORT_ROW_STATUSES),
  name: z.string().describe('The name as read, for display (also on error rows when known)'),
  contact: ImportedContact.nullable(),
  match: z
    .object({
      contactId: Id.nullable().describe('The existing contact this row matches'),
      line: z.number().int().nullable().describe('Or the earlier row of this file it matches'),
      by: z.enum(MATCH_KEYS),
    })
    .nullable(),
  changes: z
    .array(ImportFieldChange)
    .describe('For merges: what the commit would change; for conflicts: what merging would change'),
  reason: z
    .string()
    .nullable()
    .describe(
      'For conflicts: why the match may be another person ("same phone, different name …"); such a row is created unless you choose to merge it',
    ),
  warnings: z
    .array(z.string())
    .describe('Fields that could not be read and were skipped; the contact itself is imported'),
  error: z.string().nullable(),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const ImportCounts = z.object({
  new: z.number().int(),
  duplicate: z.number().int(),
  merge: z.number().int(),
  conflict: z.number().int().describe('Rows that match on one key while another says a different person'),
  error: z.number().int(),
  total: z.number().int(),
  warnings: z.number().int().describe('Rows imported with a field skipped'),
  skippedEmpty: z
    .number()
    .int()
    .describe(
      'Rows with no name, e-mail or link (LinkedIn keeps members who left as a bare date): not imported',
    ),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportResult = z
  .object({
    created: z.number().int(),
    merged: z.number().int().describe('Existing contacts updated'),
    skipped: z.number().int(),
    lifeEvents: z.number().int().describe('"New role" events from LinkedIn company/title changes'),
  })
  .describe('What the commit did');
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportRun = z.object({
  id: Id,
  format: z.enum(IMPORT_FORMATS),
  formatLabel: z.string().describe('e.g. "LinkedIn Connections CSV"'),
  fileName: z.string(),
  status: z.enum(IMPORT_RUN_STATUSES),
  counts: ImportCounts,
  tracksByDefault: z
    .boolean()
    .describe('what a commit without `tracked` does: true up to 300 new contacts, false above'),
  result: ImportResult.nullable().describe('Set once committed'),
  mapping: ImportMapping.nullable().describe('For a generic CSV: the column mapping; null for other formats'),
  sample: z.array(ImportRow).describe('The first 50 rows; page through all with GET /imports/{id}/rows'),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
export type ImportRun = z.infer<typeof ImportRun>;

export const ImportRowsQuery = z.object({
  status: z.enum(IMPORT_ROW_STATUSES).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,9}$/, 'not a cursor from this API')
    .optional(),
  limit: Limit,
});
export type ImportRowsQuery = z.infer<typeof ImportRowsQuery>;
export const ImportRowPage = z.object({ items: z.array(ImportRow), nextCursor: z.string().nullable() });
export type ImportRowPage = z.infer<typeof ImportRowPage>;

export const ROW_ACTIONS = ['create', 'merge', 'skip'] as const;
export type RowAction = (typeof ROW_ACTIONS)[number];

export const ImportCommit = z
  .object({
    defaults: z
      .object({
        merge: z
          .enum(['merge', 'create', 'skip'])
          .default('merge')
          .describe('Rows that match and would change something'),
        duplicate: z.enum(['skip', 'create']).default('skip').describe('Rows that match and change nothing'),
        conflict: z
          .enum(['create', 'merge', 'skip'])
          .default('create')
          .describe('Rows that match on one key while another says a different person: new by default'),
      })
      .strict()
      .default({ merge: 'merge', duplicate: 'skip', conflict: 'create' }),
    rows: z
      .record(z.string().regex(/^\d{1,9}$/, 'keys are line numbers'), z.enum(ROW_ACTIONS))
      .refine((r) => Object.keys(r).length <= MAX_PREVIEW_ROWS, `at most ${MAX_PREVIEW_ROWS} rows`)
      .meta({ maxProperties: MAX_PREVIEW_ROWS })
      .optional()
      .describe('Per-row choices by line, overriding the defaults; new rows can only be created or skipped'),
    tracked: z
      .boolean()
      .optional()
      .describe(
        'Whether created contacts get a cadence; left out: yes for up to 300 new contacts, no above (a big network stays out of Today until sorted)',
      ),
  })
  .strict();
export type ImportCommit = z.infer<typeof ImportCommit>;
/** The commit body may be left out: an empty POST commits with the defaults. */
export const ImportCommitBody = ImportCommit.nullish();
