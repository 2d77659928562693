import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { davCaller, davToken } from '../helpers/dav-client';
import { dialects, freshStore, type TestStore } from '../helpers/stores';
import { allTableCounts, upload } from './imports-helpers';

const VOBJECT = new URL('../helpers/vobject-read.py', import.meta.url).pathname;

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#1c7ed6' } });

/** A PNG whose header claims 100,000×100,000 pixels (a pixel bomb's shape), CRC fixed so only the size is wrong. */
async function pixelBomb(): Promise<Buffer> {
  const { crc32 } = await import('node:zlib');
  const png = await picture(1, 1).png().toBuffer();
  png.writeUInt32BE(100_000, 16);
  png.writeUInt32BE(100_000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

/** A vCard 3.0 whose cards carry base64 photos, folded as phones write them. */
function vcards(cards: { first: string; last: string; photo?: Buffer }[]): string {
  return cards
    .map(({ first, last, photo }) => {
      const lines = ['BEGIN:VCARD', 'VERSION:3.0', `N:${last};${first};;;`, `FN:${first} ${last}`];
      if (photo) {
        const line = `PHOTO;ENCODING=b;TYPE=JPEG:${photo.toString('base64')}`;
        lines.push(line.match(/.{1,74}/g)!.join('\r\n '));
      }
      return [...lines, 'END:VCARD'].join('\r\n');
    })
    .join('\r\n');
}

describe.each(dialects)('contact photos on %s', (dialect) => {
  let store: TestStore;
  let t: TestApp;
  let ada: Caller;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  const photo = (id: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      url: `/api/v1/contacts/${id}/photo`,
      headers: { authorization: `Bearer ${ada.token}`, ...headers },
    });
  const put = (id: string, body: Buffer | string, type = 'image/jpeg') =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/contacts/${id}/photo`,
      headers: { authorization: `Bearer ${ada.token}`, 'content-type': type },
      payload: body,
    });
  const contactNamed = async (first: string) => {
    const items = (await ada.call('GET', `/api/v1/contacts?q=${first}`)).json().items;
    expect(items).toHaveLength(1);
    return items[0] as { id: string; photoHash: string | null };
  };

  it('imports a vCard photo as a JPEG that fits 512 px; a pixel bomb or garbage is a warning, the contact kept', async () => {
    const big = await picture(1200, 800).jpeg().toBuffer();
    const file = vcards([
      { first: 'Amara', last: 'Okafor', photo: big },
      { first: 'Bomb', last: 'Person', photo: await pixelBomb() },
      { first: 'Cut', last: 'Short', photo: big.subarray(0, 300) },
      { first: 'Dana', last: 'Plain' },
    ]);
    const res = await upload(t.app, ada, file, { fileName: 'phone.vcf', type: 'text/vcard' });
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    expect(run.counts).toMatchObject({ new: 4, error: 0, warnings: 2 });
    const warnings = run.sample.flatMap((r: { warnings: string[] }) => r.warnings);
    expect(warnings).toEqual([
      expect.stringMatching(/more than 40 megapixels; the photo was skipped/),
      expect.stringMatching(/JPEG data cannot be read; the photo was skipped/),
    ]);
    const commit = await ada.call('POST', `/api/v1/imports/${run.id}/commit`, {});
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json().result.created).toBe(4);

    const amara = await contactNamed('Amara');
    expect(amara.photoHash).toMatch(/^[\w-]{20,}$/);
    const got = await photo(amara.id);
    expect(got.statusCode).toBe(200);
    expect(got.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'cache-control': 'private, no-cache',
      'x-content-type-options': 'nosniff',
      etag: `"${amara.photoHash}"`,
    });
    expect(await sharp(got.rawPayload).metadata()).toMatchObject({ format: 'jpeg', width: 512, height: 341 });
    expect((await photo(amara.id, { 'if-none-match': `"${amara.photoHash}"` })).statusCode).toBe(304);
    for (const name of ['Bomb', 'Cut', 'Dana']) {
      const c = await contactNamed(name);
      expect(c.photoHash).toBeNull();
      expect((await photo(c.id)).statusCode).toBe(404);
    }
    // The preview's copies went with the commit.
    expect((await allTableCounts(store)).import_row_photos).toBe(0);

    // Exported in both versions, read by a second parser, and re-imported as a no-op.
    for (const version of ['4.0', '3.0']) {
      const vcf = (await ada.call('GET', `/api/v1/export/contacts.vcf?version=${version}`)).body;
      expect(vcf).toContain(
        version === '4.0' ? 'PHOTO:data:image/jpeg;base64,/9j/' : 'PHOTO;ENCODING=b;TYPE=JPEG:/9j/',
      );
      const cards = JSON.parse(execFileSync('/usr/bin/python3', [VOBJECT], { input: vcf, encoding: 'utf8' }));
      // vobject is a 3.0 reader: it decodes ENCODING=b to the JPEG's bytes, but cuts a 4.0 data: URI
      // at its comma, so there it can only see that the photo is there (our reader checks the rest).
      const key = version === '3.0' ? 'photoJpeg' : 'photo';
      expect(cards.map((c: Record<string, unknown>) => [c.fn, c[key]]).sort()).toEqual([
        ['Amara Okafor', true],
        ['Bomb Person', false],
        ['Cut Short', false],
        ['Dana Plain', false],
      ]);
      const again = await upload(t.app, ada, vcf, { fileName: 'tend.vcf', type: 'text/vcard' });
      expect(again.json().counts, again.body).toMatchObject({ new: 0, duplicate: 4, merge: 0 });
    }
  });

  it("a merge gives a contact the file's photo only when it has none", async () => {
    const mira = (
      await ada.call('POST', '/api/v1/contacts', {
        firstName: 'Mira',
        lastName: 'Sato',
        emails: [{ value: 'mira@example.com' }],
      })
    ).json().id as string;
    // A new link each time makes the row a merge even once the contact has a photo.
    const card = (photo: Buffer, site: string) =>
      vcards([{ first: 'Mira', last: 'Sato', photo }]).replace(
        'FN:Mira Sato',
        `FN:Mira Sato\r\nEMAIL:mira@example.com\r\nURL:https://${site}`,
      );
    const importFile = async (file: string) => {
      const run = (await upload(t.app, ada, file, { fileName: 'm.vcf', type: 'text/vcard' })).json();
      expect(run.counts).toMatchObject({ new: 0, merge: 1 });
      const done = await ada.call('POST', `/api/v1/imports/${run.id}/commit`, {
        defaults: { merge: 'merge', duplicate: 'skip', conflict: 'merge' },
      });
      expect(done.statusCode, done.body).toBe(200);
    };
    await importFile(card(await picture(100, 100).jpeg().toBuffer(), 'mira.example/one'));
    const first = (await photo(mira)).headers.etag;
    expect(first).toBeTruthy();
    await importFile(card(await picture(200, 100).jpeg().toBuffer(), 'mira.example/two'));
    expect((await photo(mira)).headers.etag).toBe(first);
  });

  it('a row that differs only by its photo merges to give the photo to a contact without one, else is a duplicate', async () => {
    const rin = (
      await ada.call('POST', '/api/v1/contacts', {
        firstName: 'Rin',
        lastName: 'Okada',
        emails: [{ value: 'rin@example.com' }],
      })
    ).json().id as string;
    const before = (await ada.call('GET', `/api/v1/contacts/${rin}`)).json().updatedAt as string;
    const card = (photo: Buffer) =>
      vcards([{ first: 'Rin', last: 'Okada', photo }]).replace(
        'FN:Rin Okada',
        'FN:Rin Okada\r\nEMAIL:rin@example.com',
      );
    const preview = async (file: string) =>
      (await upload(t.app, ada, file, { fileName: 'r.vcf', type: 'text/vcard' })).json();
    t.deps.clock.set('2026-03-10T10:00:00.000Z');
    const run = await preview(card(await picture(100, 100).jpeg().toBuffer()));
    expect(run.counts).toMatchObject({ new: 0, merge: 1, duplicate: 0 });
    const rows = (await ada.call('GET', `/api/v1/imports/${run.id}/rows`)).json().items;
    expect(rows[0]).toMatchObject({
      status: 'merge',
      contact: { hasPhoto: true },
      changes: [{ field: 'photo', to: 'the photo in the file', applies: true }],
    });
    const done = await ada.call('POST', `/api/v1/imports/${run.id}/commit`, {
      defaults: { merge: 'merge', duplicate: 'skip', conflict: 'create' },
    });
    expect(done.json().result).toMatchObject({ created: 0, merged: 1 });
    expect((await photo(rin)).statusCode).toBe(200);
    // The contact changed, so a CardDAV client syncs the photo down.
    expect((await ada.call('GET', `/api/v1/contacts/${rin}`)).json().updatedAt).not.toBe(before);
    expect(before).toBe('2026-03-10T09:00:00.000Z');
    // Now that it has a photo, the same row with another photo changes nothing: a merge never replaces one.
    const again = await preview(card(await picture(200, 100).jpeg().toBuffer()));
    expect(again.counts).toMatchObject({ new: 0, merge: 0, duplicate: 1 });
    // In one file: the second of two equal cards brings the photo the first lacks.
    const both = await preview(
      `${vcards([{ first: 'Ines', last: 'Park' }])}\r\n${vcards([{ first: 'Ines', last: 'Park', photo: await picture(50, 50).jpeg().toBuffer() }])}`.replaceAll(
        'FN:Ines Park',
        'FN:Ines Park\r\nEMAIL:ines@example.com',
      ),
    );
    expect(both.counts).toMatchObject({ new: 1, merge: 1 });
    await ada.call('POST', `/api/v1/imports/${both.id}/commit`, {
      defaults: { merge: 'merge', duplicate: 'skip', conflict: 'create' },
    });
    expect((await photo((await contactNamed('Ines')).id)).statusCode).toBe(200);
  });

  it('uploads, replaces and deletes a photo; refuses a wrong type (415), a too large body (413) and a non-image (400)', async () => {
    const id = (await ada.call('POST', '/api/v1/contacts', { firstName: 'Lin' })).json().id as string;
    expect((await photo(id)).statusCode).toBe(404);
    const first = await put(id, await picture(300, 200).png().toBuffer(), 'image/png');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ width: 300, height: 200 });
    // The header is not trusted: a PNG sent as application/octet-stream is read as what it is.
    const second = await put(id, await picture(2000, 2000).webp().toBuffer(), 'application/octet-stream');
    expect(second.json()).toMatchObject({ width: 512, height: 512 });
    expect(second.json().hash).not.toBe(first.json().hash);
    expect((await ada.call('GET', `/api/v1/contacts/${id}`)).json().photoHash).toBe(second.json().hash);

    const before = await allTableCounts(store);
    expect((await put(id, '<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml')).statusCode).toBe(
      415,
    );
    const notImage = await put(id, 'just text, not an image');
    expect(notImage.statusCode).toBe(400);
    expect(notImage.json().detail).toMatch(/not a JPEG, PNG, GIF, WebP or AVIF image/);
    expect((await put(id, await pixelBomb(), 'image/png')).json().detail).toMatch(/megapixels/);
    expect((await put(id, Buffer.alloc(10 * 1024 * 1024 + 1))).statusCode).toBe(413);
    expect(await allTableCounts(store)).toEqual(before);
    expect((await photo(id)).headers.etag).toBe(`"${second.json().hash}"`);

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/contacts/${id}/photo`,
      headers: { authorization: `Bearer ${ada.token}` },
    });
    expect(removed.statusCode).toBe(204);
    expect((await photo(id)).statusCode).toBe(404);
    expect((await ada.call('GET', `/api/v1/contacts/${id}`)).json().photoHash).toBeNull();
  });

  it("models a CardDAV card's PHOTO: a PUT with one sets it, a PUT without it removes it, the card kept byte for byte", async () => {
    const dav = davCaller(t.app, 'ada@example.com', await davToken(t.app, ada.token), ada.accountId);
    const jpeg = await picture(800, 800).jpeg().toBuffer();
    const withPhoto = vcards([{ first: 'Noor', last: 'Haddad', photo: jpeg }]).replace(
      'VERSION:3.0',
      'VERSION:3.0\r\nUID:noor-1',
    );
    const put1 = await dav.put('noor-1.vcf', `${withPhoto}\r\n`);
    expect(put1.statusCode, put1.body).toBe(201);
    const noor = await contactNamed('Noor');
    const got = await photo(noor.id);
    expect(got.statusCode).toBe(200);
    expect(await sharp(got.rawPayload).metadata()).toMatchObject({ width: 512, height: 512 });
    expect((await dav.req('GET', `${dav.book}noor-1.vcf`)).body).toBe(`${withPhoto}\r\n`);

    // A photo the phone sends that cannot be read leaves the stored one.
    const broken = vcards([{ first: 'Noor', last: 'Haddad', photo: jpeg.subarray(0, 400) }]).replace(
      'VERSION:3.0',
      'VERSION:3.0\r\nUID:noor-1',
    );
    expect((await dav.put('noor-1.vcf', `${broken}\r\n`)).statusCode).toBe(204);
    expect((await photo(noor.id)).headers.etag).toBe(got.headers.etag);

    const without = vcards([{ first: 'Noor', last: 'Haddad' }]).replace(
      'VERSION:3.0',
      'VERSION:3.0\r\nUID:noor-1',
    );
    expect((await dav.put('noor-1.vcf', `${without}\r\n`)).statusCode).toBe(204);
    expect((await photo(noor.id)).statusCode).toBe(404);

    // A contact made in Tend shows its photo on the phone's first read of the card.
    const lin = (await ada.call('POST', '/api/v1/contacts', { firstName: 'Lin' })).json().id as string;
    expect((await put(lin, jpeg)).statusCode).toBe(200);
    const card = (await dav.req('GET', `${dav.book}${lin}.vcf`)).body;
    expect(card).toContain('PHOTO;ENCODING=b;TYPE=JPEG:/9j/');
  });
});
