import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zipFile } from '../../test/helpers/zip-file';
import { chatFromZip } from './whatsapp-zip';
import { bufferBytes, MAX_ZIP_ENTRIES, readZipEntry, zipEntries } from './zip-entries';

const CHAT =
  '[11/03/2024, 09:01:12] Ada Lovelace: Morning Grace!\n[11/03/2024, 09:15:40] Grace Hopper: Hi Ada\n';
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
const chatOf = (zip: Buffer) => chatFromZip(bufferBytes(zip)).then(text);
const refusal = (zip: Buffer) =>
  chatFromZip(bufferBytes(zip)).then(
    () => 'read',
    (e: Error) => e.message,
  );

describe('zip entries', () => {
  it('reads stored and deflated entries, with names and sizes from the central directory', async () => {
    const zip = zipFile([
      { name: 'a.txt', data: 'stored text', method: 0 },
      { name: 'dir/b.txt', data: 'deflated text '.repeat(20) },
    ]);
    const file = bufferBytes(zip);
    const entries = await zipEntries(file);
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['a.txt', 0, 11],
      ['dir/b.txt', 8, 280],
    ]);
    const [a, b] = entries;
    if (!a || !b) throw new Error('two entries');
    expect(text(await readZipEntry(file, a, 1000))).toBe('stored text');
    expect(text(await readZipEntry(file, b, 1000))).toBe('deflated text '.repeat(20));
  });

  it('gives back any bytes it was given, stored or deflated (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(0, 8), async (data, method) => {
        // Random bytes barely compress: the ratio guard never fires on them.
        const zip = zipFile([{ name: 'x.bin', data, method }]);
        const [entry] = await zipEntries(bufferBytes(zip));
        if (!entry) throw new Error('one entry');
        expect(Buffer.from(await readZipEntry(bufferBytes(zip), entry, 4000)).equals(Buffer.from(data))).toBe(
          true,
        );
      }),
      { numRuns: 50 },
    );
  });

  it('refuses what is not a whole zip: no end record, zip64, too many entries', async () => {
    expect(await refusal(Buffer.from('not a zip at all, just text long enough'))).toMatch(
      /no central directory/,
    );
    const chat = { name: '_chat.txt', data: CHAT };
    expect(await refusal(zipFile([chat], { zip64Locator: true }))).toMatch(/zip64/);
    expect(await refusal(zipFile([chat], { count: 0xffff }))).toMatch(/zip64/);
    expect(await refusal(zipFile([chat], { count: MAX_ZIP_ENTRIES + 1 }))).toMatch(
      /10001 entries, more than 10000/,
    );
    const cut = zipFile([chat]);
    expect(await refusal(cut.subarray(0, cut.length - 30))).toMatch(/no central directory|damaged/);
  });

  it('refuses a zip bomb, an encrypted chat, an unknown method and a damaged entry, naming it', async () => {
    const bomb = zipFile([{ name: '_chat.txt', data: 'a'.repeat(1024 * 1024) }]);
    expect(await refusal(bomb)).toMatch(/"_chat.txt" in the .zip expands more than 100×/);
    expect(await refusal(zipFile([{ name: '_chat.txt', data: CHAT, flags: 1 }]))).toMatch(
      /"_chat.txt" in the .zip is encrypted/,
    );
    expect(await refusal(zipFile([{ name: '_chat.txt', data: CHAT, method: 12 }]))).toMatch(/method 12/);
    expect(await refusal(zipFile([{ name: '_chat.txt', data: CHAT, size: 200 * 1024 ** 2 }]))).toMatch(
      /larger than 100 MB/,
    );
    // A directory that understates the size: inflating stops at the declared size and says so.
    expect(await refusal(zipFile([{ name: '_chat.txt', data: CHAT, size: 20 }]))).toMatch(
      /does not inflate|holds/,
    );
    const flipped = zipFile([{ name: '_chat.txt', data: CHAT, method: 0 }]);
    // The third byte of the data (after the 30-byte local header and the 9-byte name).
    flipped[40] = (flipped[40] ?? 0) ^ 1;
    expect(await refusal(flipped)).toMatch(/CRC-32/);
  });
});

describe('the chat in a WhatsApp export .zip', () => {
  const photo = {
    name: '00000012-PHOTO-2024-03-11-09-02-00.jpg',
    data: new Uint8Array(3000).fill(7),
    method: 0,
  };

  it("finds iOS's _chat.txt and Android's WhatsApp Chat with ….txt beside the media", async () => {
    expect(await chatOf(zipFile([photo, { name: '_chat.txt', data: CHAT }]))).toBe(CHAT);
    expect(await chatOf(zipFile([{ name: 'WhatsApp Chat with Grace Hopper.txt', data: CHAT }, photo]))).toBe(
      CHAT,
    );
  });

  it('among two .txt files takes the one named like a chat; macOS resource forks are not chats', async () => {
    const notes = { name: 'notes.txt', data: 'a note of mine' };
    expect(await chatOf(zipFile([notes, { name: '_chat.txt', data: CHAT }]))).toBe(CHAT);
    expect(
      await chatOf(
        zipFile([
          { name: '__MACOSX/._chat.txt', data: 'fork' },
          { name: 'Grace/_chat.txt', data: CHAT },
        ]),
      ),
    ).toBe(CHAT);
  });

  it('refuses a zip with no chat and one with two chats, naming them', async () => {
    expect(await refusal(zipFile([photo]))).toMatch(/the .zip holds no chat .txt/);
    const two = zipFile([
      { name: 'WhatsApp Chat with Grace.txt', data: CHAT },
      { name: 'WhatsApp Chat with Alan.txt', data: CHAT },
    ]);
    expect(await refusal(two)).toMatch(
      /several chat .txt files \("WhatsApp Chat with Grace.txt", "WhatsApp Chat with Alan.txt"\)/,
    );
  });
});
