import type { Kysely } from 'kysely';
import { holidayCountry } from '../../core/holiday-country';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

const BATCH = 500;

/**
 * F9 holidays. `contacts.holiday_country` is the country whose holidays a contact gets (country
 * field, else phone, else zone), derived on every contact write so Today finds the contacts of a
 * country with a holiday through an index instead of resolving 100,000 contacts per call.
 * `holiday_settings` holds, per circle, which kinds of holiday count and how many days ahead.
 * Existing contacts are backfilled here with the resolution as it stands today.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('contacts').addColumn('holiday_country', 'text').execute();
  await db.schema
    .createIndex('contacts_holiday_idx')
    .on('contacts')
    .columns(['account_id', 'holiday_country', 'circle_id', 'tracked', 'id'])
    .execute();
  await db.schema
    .createTable('holiday_settings')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('circle_id', 'text', (c) => c.notNull())
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('lead_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('holiday_settings_pk', ['account_id', 'circle_id'])
    .addForeignKeyConstraint(
      'holiday_settings_circle_fk',
      ['account_id', 'circle_id'],
      'circles',
      ['account_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  // Role anniversaries look life events up by month and day of the job change.
  await db.schema
    .createIndex('life_events_kind_idx')
    .on('life_events')
    .columns(['account_id', 'kind', 'occurred_on'])
    .execute();

  // One read of each table and one UPDATE per (account, country, 500 ids): a 100,000-contact
  // database backfills in seconds, not one statement per contact.
  const contacts = await db
    .selectFrom('contacts')
    .select(['account_id', 'id', 'country', 'time_zone'])
    .execute();
  const phones = new Map<string, (string | null)[]>();
  for (const p of await db
    .selectFrom('contact_phones')
    .select(['account_id', 'contact_id', 'e164'])
    .where('e164', 'is not', null)
    .orderBy('position')
    .execute()) {
    const key = `${p.account_id}/${p.contact_id}`;
    phones.set(key, [...(phones.get(key) ?? []), p.e164 as string | null]);
  }
  const groups = new Map<string, { accountId: string; code: string; ids: string[] }>();
  for (const c of contacts) {
    const code = holidayCountry({
      country: c.country,
      timeZone: c.time_zone,
      phonesE164: phones.get(`${c.account_id}/${c.id}`) ?? [],
    });
    if (!code) continue;
    const key = `${c.account_id}/${code}`;
    const g = groups.get(key) ?? { accountId: c.account_id, code, ids: [] as string[] };
    g.ids.push(c.id);
    groups.set(key, g);
  }
  for (const g of groups.values())
    for (let i = 0; i < g.ids.length; i += BATCH)
      await db
        .updateTable('contacts')
        .set({ holiday_country: g.code })
        .where('account_id', '=', g.accountId)
        .where('id', 'in', g.ids.slice(i, i + BATCH))
        .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
