import {
  BACKUP_ROWS,
  BACKUP_SCHEMA_VERSION,
  BackupCircle,
  BackupContact,
  BackupTag,
  type RestoreSummary,
} from '../../contract/backup';
import { Conflict, Invalid, NotFound } from '../../core/errors';
import { findAccount, updateAccount } from '../../store/accounts.repo';
import {
  type BackupRow,
  countOwned,
  deleteOwned,
  insertOwned,
  type OwnedTable,
  ownedRows,
} from '../../store/backup.repo';
import { reindexContacts } from '../../store/contacts.repo';
import type { Deps } from '../deps';
import { parseBackup } from './backup-parse';
import { BACKED_UP_TABLES, CONTACT_CHILDREN, FLAT_SECTIONS } from './backup-sections';

const NESTED = new Set(['emails', 'phones', 'links', 'tags']);
const CONTACT_COLUMNS = Object.keys(BackupContact.shape).filter((k) => !NESTED.has(k));
const REINDEX_BATCH = 500;

/** Rows of a child table grouped by contact, without the columns the nesting makes implicit. */
function byContact(rows: BackupRow[]): Map<unknown, BackupRow[]> {
  const out = new Map<unknown, BackupRow[]>();
  for (const { contact_id, position: _, ...child } of rows) {
    const list = out.get(contact_id);
    if (list) list.push(child);
    else out.set(contact_id, [child]);
  }
  return out;
}

/** The account's data as one JSON document, read in one transaction so it is a consistent snapshot. */
export async function exportBackup(deps: Deps, accountId: string): Promise<Record<string, unknown>> {
  return deps.store.transaction(async (trx) => {
    const account = await findAccount(trx, accountId);
    if (!account) throw new NotFound('account not found');
    const read = (table: OwnedTable, order: readonly string[]) => ownedRows(trx, table, accountId, order);
    const circles = await read('circles', ['id']);
    const tags = await read('tags', ['id']);
    const children = new Map<string, Map<unknown, BackupRow[]>>();
    for (const { table, key } of CONTACT_CHILDREN)
      children.set(key, byContact(await read(table, ['contact_id', 'position'])));
    const tagName = new Map(tags.map((t) => [t.id, t.name]));
    const tagsOf = new Map<unknown, unknown[]>();
    for (const ct of await read('contact_tags', ['contact_id', 'tag_id']))
      tagsOf.set(ct.contact_id, [...(tagsOf.get(ct.contact_id) ?? []), tagName.get(ct.tag_id)]);
    const contacts = (await read('contacts', ['id'])).map((c) => ({
      ...c,
      ...Object.fromEntries(CONTACT_CHILDREN.map(({ key }) => [key, children.get(key)?.get(c.id) ?? []])),
      tags: (tagsOf.get(c.id) ?? []).map(String).sort(),
    }));
    const flat: Record<string, BackupRow[]> = {};
    // A row carries its section's columns only: captured_items leaves its source_id on the server.
    for (const { section, keys } of FLAT_SECTIONS) {
      const columns = Object.keys(BACKUP_ROWS[section].shape);
      flat[section] = (await read(section, keys)).map((r) =>
        Object.fromEntries(columns.map((c) => [c, r[c]])),
      );
    }
    return {
      schemaVersion: BACKUP_SCHEMA_VERSION,
      exportedAt: deps.clock().toISOString(),
      settings: {
        time_zone: account.time_zone,
        daily_size: account.daily_size,
        weekly_budget: account.weekly_budget,
        working_hours: account.working_hours,
        digest_enabled: account.digest_enabled === 1 ? 1 : 0,
        digest_email: account.digest_email,
        update_every_months: account.update_every_months,
      },
      circles,
      tags,
      contacts,
      ...flat,
    };
  });
}

/** The tables that must be empty before a restore; circles are replaced (sign-up creates defaults). */
const MUST_BE_EMPTY = Object.keys(BACKED_UP_TABLES).filter(
  (t): t is OwnedTable => t !== 'accounts' && t !== 'circles',
);

/**
 * Restores a backup into an empty account in one transaction, keeping every id (rows are keyed
 * by account, so two accounts may restore the same file). Anything invalid writes nothing.
 */
export async function restoreBackup(deps: Deps, accountId: string, body: unknown): Promise<RestoreSummary> {
  const backup = parseBackup(body);
  return deps.store.transaction(async (trx) => {
    const held: string[] = [];
    for (const table of MUST_BE_EMPTY) {
      const n = await countOwned(trx, table, accountId);
      if (n > 0) held.push(`${n} ${table.replaceAll('_', ' ')}`);
    }
    if (held.length) throw new Conflict(`restore needs an empty account; this one has ${held.join(', ')}`);
    const write = (table: OwnedTable, columns: readonly string[], rows: readonly BackupRow[]) =>
      insertOwned(trx, table, accountId, columns, rows);
    await updateAccount(trx, accountId, backup.settings);
    await deleteOwned(trx, 'circles', accountId);
    await write('circles', Object.keys(BackupCircle.shape), backup.circles);
    await write('tags', Object.keys(BackupTag.shape), backup.tags);
    await write('contacts', CONTACT_COLUMNS, backup.contacts);
    for (const { table, key, columns } of CONTACT_CHILDREN) {
      const rows = backup.contacts.flatMap((c) =>
        c[key].map((child, position) => ({ ...child, contact_id: c.id, position })),
      );
      await write(table, [...columns, 'contact_id', 'position'], rows);
    }
    const tagId = new Map(backup.tags.map((t) => [t.name, t.id]));
    await write(
      'contact_tags',
      ['contact_id', 'tag_id'],
      backup.contacts.flatMap((c) => c.tags.map((name) => ({ contact_id: c.id, tag_id: tagId.get(name) }))),
    );
    const restored: Record<string, number> = {
      circles: backup.circles.length,
      tags: backup.tags.length,
      contacts: backup.contacts.length,
    };
    for (const { section } of FLAT_SECTIONS) {
      await write(section, Object.keys(BACKUP_ROWS[section].shape), backup[section]);
      restored[section] = backup[section].length;
    }
    const ids = backup.contacts.map((c) => c.id);
    for (let i = 0; i < ids.length; i += REINDEX_BATCH)
      await reindexContacts(trx, accountId, ids.slice(i, i + REINDEX_BATCH));
    return { restored };
  });
}

/**
 * `tend backup`: an online, consistent copy of the SQLite database (safe while the server runs).
 * PostgreSQL has pg_dump for that (docs/backup.md).
 */
export async function backupDatabase(deps: Pick<Deps, 'store'>, path: string): Promise<void> {
  const { backupTo } = deps.store;
  if (!backupTo)
    throw new Invalid('a file copy is for SQLite; back PostgreSQL up with pg_dump (see docs/backup.md)');
  await backupTo(path);
}
