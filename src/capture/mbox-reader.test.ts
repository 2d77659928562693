import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MailMessage } from './mail-message';
import { readMboxMessages } from './mbox-messages';
import { readMbox } from './mbox-reader';

const fixture = readFileSync(new URL('../../test/fixtures/capture/takeout.mbox', import.meta.url));

async function* chunked(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  let i = 0;
  while (at < bytes.length) {
    const size = Math.max(1, sizes[i++ % sizes.length] ?? 64 * 1024);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('readMboxMessages', () => {
  it('reads a Takeout mbox: labels, unfolding, encoded words, bulk, and a bad Date named', async () => {
    const items = await collect(readMboxMessages(chunked(fixture, [65536])));
    expect(items).toHaveLength(4);
    const [out, reply, news, broken] = items;
    expect(out).toMatchObject({
      ok: true,
      message: {
        key: 'out-1@mail.gmail.com',
        date: '2026-03-02T10:00:00.000Z',
        from: { name: 'Ada Lovelace', address: 'ada.lovelace@gmail.com' },
        to: [{ name: 'Hopper, Grace', address: 'Grace+tend@Navy.example' }],
        subject: 'Café next week?',
        labels: ['Sent', 'Work, clients'],
        bulk: null,
      },
    });
    const r = (reply as { message: MailMessage }).message;
    expect(r.from).toEqual({ name: 'Grace Hopper', address: 'grace@navy.example' });
    expect(r.subject).toBe('Re: Café next week?');
    expect(r.inReplyTo).toBe('out-1@mail.gmail.com');
    expect(r.references).toEqual(['out-1@mail.gmail.com']);
    expect(r.date).toBe('2026-03-03T09:00:00.000Z');
    expect(news).toMatchObject({ ok: true, message: { bulk: 'list-unsubscribe' } });
    expect(broken).toEqual({ ok: false, error: 'message 4: Date is not a date: sometime last week' });
  });

  it('gives the same messages however the file is cut into chunks', async () => {
    const whole = await collect(readMboxMessages(chunked(fixture, [fixture.length])));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 20 }),
        async (sizes) => {
          expect(await collect(readMboxMessages(chunked(fixture, sizes)))).toEqual(whole);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads any mix of From_ lines, blank lines, CRLF and folding the same however it is cut', async () => {
    // Pieces that sit next to the reader's edge cases: From_ lines with and without a blank line
    // before them, a lone "\r", folded lines, empty headers and bodies, quoted ">From ".
    const piece = fc.constantFrom(
      'From a@b Mon Mar 02 10:00:00 2026\n',
      'From ',
      '\n',
      '\r\n',
      '\r',
      'Date: Mon, 2 Mar 2026 10:00:00 +0000\n',
      'Subject: =?UTF-8?Q?Caf=C3=A9?=',
      ' folded\n',
      'Message-ID: <m@x>\n',
      'From: q@r.org\n',
      '>From z\n',
      'Received: by x\n',
      'body text ',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 80 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 6 }),
        async (pieces, sizes) => {
          const bytes = Buffer.from(pieces.join(''));
          const whole = await collect(readMboxMessages(chunked(bytes, [bytes.length + 1])));
          expect(await collect(readMboxMessages(chunked(bytes, sizes)))).toEqual(whole);
          // Every From_ line after a blank line (or at the start) begins a message, and only those.
          const starts = `\n${bytes.toString('utf8')}`.match(/\n(\r?\n)+From |^\n(\r?\n)*From /g) ?? [];
          expect(whole.filter((i) => i.ok || !i.error.startsWith('this is not')).length).toBe(starts.length);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads CRLF files the same as LF files', async () => {
    const crlf = Buffer.from(fixture.toString('utf8').replaceAll('\n', '\r\n'));
    const a = await collect(readMboxMessages(chunked(fixture, [7])));
    const b = await collect(readMboxMessages(chunked(crlf, [7])));
    expect(b).toEqual(a);
  });

  it('says so when a file is not an mbox', async () => {
    const items = await collect(readMbox(chunked(Buffer.from('Name,Email\nAda,ada@x.org\n'), [100])));
    expect(items).toEqual([
      { index: 0, error: 'this is not an mbox file: it does not start with a "From " line' },
    ]);
  });

  it('stays linear and bounded on pathological shapes', { timeout: 60_000 }, async () => {
    // A 64 MB single-line body, a header of a million folded lines, then a normal message.
    async function* evil(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(
        'From a@b Mon Mar 02 10:00:00 2026\nDate: Mon, 2 Mar 2026 10:00:00 +0000\nFrom: a@b.org\n\n',
      );
      const mb = Buffer.alloc(1 << 20, 0x61);
      for (let i = 0; i < 64; i++) yield mb;
      yield Buffer.from('\n\nFrom a@b Mon Mar 02 10:00:00 2026\nSubject: x\n');
      const folded = Buffer.from(' y\n'.repeat(10_000));
      for (let i = 0; i < 100; i++) yield folded;
      yield Buffer.from(
        '\nbody\n\nFrom a@b Mon Mar 02 10:00:00 2026\nDate: Mon, 2 Mar 2026 11:00:00 +0000\nFrom: c@d.org\n\nok\n',
      );
    }
    const before = process.memoryUsage().rss;
    const t = performance.now();
    const items = await collect(readMboxMessages(evil()));
    const ms = performance.now() - t;
    expect(items.map((i) => i.ok)).toEqual([true, false, true]);
    expect(items[1]).toEqual({ ok: false, error: 'message 2: its header is larger than 256 KB' });
    expect(ms).toBeLessThan(10_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 2 ** 20);
  });
});
