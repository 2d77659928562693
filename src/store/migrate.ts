import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './database';
import * as initial from './migrations/1795456088564-initial';
import * as feedTokens from './migrations/1795456677104-feed-tokens';
import * as resources from './migrations/1795456784955-resources';
import * as ledgerIntroductions from './migrations/1795456808104-ledger-introductions';
import * as email from './migrations/1795457230091-email';
import * as imports from './migrations/1795457258927-imports';
import * as catchUpsTrips from './migrations/1795457453197-catch-ups-trips';
import * as todayIndexes from './migrations/1795458265491-today-indexes';
import * as todayOrderIndexes from './migrations/1795460147577-today-order-indexes';
import * as tokenScopes from './migrations/1796167417089-token-scopes';
import * as relationships from './migrations/1796167439292-relationships';
import * as dav from './migrations/1796167460786-dav';
import * as importRowNotes from './migrations/1796167489621-import-row-notes';
import * as holidays from './migrations/1796167633831-holidays';
import * as capture from './migrations/1796167644810-capture';
import * as lastContactIndex from './migrations/1796167859457-contacts-last-contact-index';
import * as foldSearchText from './migrations/1796168851471-fold-search-text';
import * as circleColor from './migrations/1796174147232-circle-color';
import * as contactHealthScore from './migrations/1796177939673-contact-health-score';
import * as accountsHardening from './migrations/1796177983591-accounts-hardening';
import * as contactPhotos from './migrations/1796177995811-contact-photos';
import * as carddavSubscriptions from './migrations/1796178092250-carddav-subscriptions';
import * as calendarMeetings from './migrations/1796178183100-calendar-meetings';
import * as captureStoreBodies from './migrations/1796178192583-capture-store-bodies';
import * as importMappings from './migrations/1796178265637-import-mappings';
import * as capturedKeysWithoutSource from './migrations/1796189438521-captured-keys-without-source';
import * as coveringPlanIndexes from './migrations/1796198580496-covering-plan-indexes';
import * as lifeEventsContactIndex from './migrations/1796198609721-life-events-contact-index';
import * as cheaperCaptureWrites from './migrations/1796201936342-cheaper-capture-writes';
import * as dropLinkUrlIndex from './migrations/1796202150460-drop-link-url-index';
import * as partialContactIndexes from './migrations/1796218910840-partial-contact-indexes';
import * as dropCapturedSourceIndex from './migrations/1796229320183-drop-captured-source-index';

/** Listed here, not read from disk, so the bundle, tsx and vitest all see the same set. */
const migrations: Record<string, Migration> = {
  '1795456088564-initial': initial,
  '1795457258927-imports': imports,
  '1795456677104-feed-tokens': feedTokens,
  '1795456784955-resources': resources,
  '1795456808104-ledger-introductions': ledgerIntroductions,
  '1795457230091-email': email,
  '1795457453197-catch-ups-trips': catchUpsTrips,
  '1795458265491-today-indexes': todayIndexes,
  '1795460147577-today-order-indexes': todayOrderIndexes,
  '1796167417089-token-scopes': tokenScopes,
  '1796167460786-dav': dav,
  '1796167644810-capture': capture,
  '1796167489621-import-row-notes': importRowNotes,
  '1796167633831-holidays': holidays,
  '1796168851471-fold-search-text': foldSearchText,
  '1796167439292-relationships': relationships,
  '1796167859457-contacts-last-contact-index': lastContactIndex,
  '1796174147232-circle-color': circleColor,
  '1796177983591-accounts-hardening': accountsHardening,
  '1796178092250-carddav-subscriptions': carddavSubscriptions,
  '1796178192583-capture-store-bodies': captureStoreBodies,
  '1796178183100-calendar-meetings': calendarMeetings,
  '1796177995811-contact-photos': contactPhotos,
  '1796178265637-import-mappings': importMappings,
  '1796177939673-contact-health-score': contactHealthScore,
  '1796189438521-captured-keys-without-source': capturedKeysWithoutSource,
  '1796198609721-life-events-contact-index': lifeEventsContactIndex,
  '1796198580496-covering-plan-indexes': coveringPlanIndexes,
  '1796201936342-cheaper-capture-writes': cheaperCaptureWrites,
  '1796202150460-drop-link-url-index': dropLinkUrlIndex,
  '1796218910840-partial-contact-indexes': partialContactIndexes,
  '1796229320183-drop-captured-source-index': dropCapturedSourceIndex,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date (or up to `upTo`, for upgrade tests); throws with the failing migration's name. */
export async function migrateToLatest(db: Db, upTo?: string): Promise<void> {
  const migrator = new Migrator({ db, provider });
  if (upTo) {
    const { error } = await migrator.migrateTo(upTo);
    if (error) throw error;
    return;
  }
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
