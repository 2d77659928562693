import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { davToken } from '../helpers/dav-client';
import { clientHome, listen } from '../helpers/dav-server';
import { freshStore } from '../helpers/stores';

/**
 * A real client against a running Tend: vdirsyncer syncs both ways (create, edit, delete on each
 * side, and the next sync moves exactly those) and khard reads what it synced.
 */
describe('vdirsyncer and khard against Tend', () => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;
  let client: ReturnType<typeof clientHome>;

  beforeEach(async () => {
    store = await freshStore('sqlite');
    t = await testApp(store);
    ada = await signUp(t.app);
    client = clientHome(await listen(t.app), 'ada@example.com', await davToken(t.app, ada.token));
  });
  afterEach(async () => {
    client.remove();
    await t.app.close();
    await store.close();
  });

  const files = () => readdirSync(client.dir).filter((f) => f.endsWith('.vcf'));
  const contacts = async () =>
    (await ada.call('GET', '/api/v1/contacts?limit=100')).json<{
      items: {
        id: string;
        firstName: string;
        lastName: string;
        title: string | null;
        emails: { value: string }[];
      }[];
    }>().items;
  /** vdirsyncer's own account of what it moved: "Copying (uploading) …", "Deleting …". */
  const moves = (out: string) =>
    out
      .split('\n')
      .filter((l) => /Copying \(|Deleting item/.test(l))
      .map((l) => l.replace(/^.*?(Copying|Deleting)/, '$1').trim());

  // Ten vdirsyncer and khard runs, each a Python start-up: 30 s was not enough at load 15.
  it('syncs both ways, moving exactly what changed', { timeout: 120_000 }, async () => {
    const grace = (
      await ada.call('POST', '/api/v1/contacts', {
        firstName: 'Grace',
        lastName: 'Hopper',
        title: 'Rear Admiral',
        emails: [{ value: 'grace@navy.mil', label: 'work' }],
        tags: ['cobol'],
      })
    ).json<{ id: string }>().id;
    await ada.call('POST', '/api/v1/contacts', { firstName: 'Alan', lastName: 'Turing' });

    await client.vdirsyncer('discover');
    const first = await client.vdirsyncer('sync');
    expect(moves(first).filter((m) => m.startsWith('Copying'))).toHaveLength(2);
    expect(files()).toHaveLength(2);

    // khard reads the synced vdir.
    const list = await client.khard('list', '--parsable');
    expect(list).toContain('Grace Hopper');
    expect(list).toContain('Alan Turing');
    const shown = await client.khard('show', '--format', 'yaml', 'Grace');
    expect(shown).toContain('grace@navy.mil');
    expect(shown).toContain('Rear Admiral');

    // Nothing changed: nothing moves.
    expect(moves(await client.vdirsyncer('sync'))).toEqual([]);

    // Phone side: create one card, edit Grace, delete Alan.
    const ext = readFileSync(join(client.dir, `${grace}.vcf`), 'utf8');
    writeFileSync(
      join(client.dir, `${grace}.vcf`),
      ext
        .replace('TITLE:Rear Admiral', 'TITLE:Commodore')
        .replace('END:VCARD', 'X-ABC-CUSTOM:kept\r\nEND:VCARD'),
    );
    const alan = files().find((f) => f !== `${grace}.vcf`)!;
    unlinkSync(join(client.dir, alan));
    writeFileSync(
      join(client.dir, 'katherine-1.vcf'),
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:katherine-1\r\nFN:Katherine Johnson\r\nN:Johnson;Katherine;;;\r\nEMAIL:kj@nasa.gov\r\nIMPP;X-SERVICE-TYPE=Skype:skype:kjohnson\r\nEND:VCARD\r\n',
    );
    t.deps.clock.set('2026-03-10T10:00:00.000Z');
    const up = moves(await client.vdirsyncer('sync'));
    expect(up, up.join('\n')).toHaveLength(3);
    const after = await contacts();
    expect(after.map((c) => `${c.firstName} ${c.lastName}`).sort()).toEqual([
      'Grace Hopper',
      'Katherine Johnson',
    ]);
    expect(after.find((c) => c.firstName === 'Grace')!.title).toBe('Commodore');
    expect(moves(await client.vdirsyncer('sync'))).toEqual([]);

    // Tend side: edit Katherine, delete Grace, create Dorothy.
    const kj = after.find((c) => c.firstName === 'Katherine')!;
    t.deps.clock.set('2026-03-10T11:00:00.000Z');
    expect(
      (await ada.call('PATCH', `/api/v1/contacts/${kj.id}`, { title: 'Mathematician' })).statusCode,
    ).toBe(200);
    expect((await ada.call('DELETE', `/api/v1/contacts/${grace}`)).statusCode).toBe(204);
    await ada.call('POST', '/api/v1/contacts', { firstName: 'Dorothy', lastName: 'Vaughan' });
    const down = moves(await client.vdirsyncer('sync'));
    expect(down, down.join('\n')).toHaveLength(3);
    expect(files().sort()).toEqual(expect.arrayContaining(['katherine-1.vcf']));
    expect(files()).toHaveLength(2);
    const kjCard = readFileSync(join(client.dir, 'katherine-1.vcf'), 'utf8');
    expect(kjCard).toContain('TITLE:Mathematician');
    // What Tend does not model comes back byte-for-byte.
    expect(kjCard).toContain('IMPP;X-SERVICE-TYPE=Skype:skype:kjohnson\r\n');
    expect(moves(await client.vdirsyncer('sync'))).toEqual([]);
    expect(await client.khard('list', '--parsable')).toContain('Dorothy Vaughan');
  });
});
