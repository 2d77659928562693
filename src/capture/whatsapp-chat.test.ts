import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesSource, decodeLines } from '../formats/decode';
import { readWhatsAppChat } from './whatsapp-chat';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/capture/${name}`, import.meta.url));
const read = (name: string, opts: Parameters<typeof readWhatsAppChat>[1] = { keepText: true }) =>
  readWhatsAppChat(decodeLines(bytesSource(fixture(name))), opts);
const lines = (text: string) => decodeLines(bytesSource(Buffer.from(text)));

describe('readWhatsAppChat', () => {
  it.each([
    ['whatsapp-ios.txt', 'dmy'],
    ['whatsapp-android.txt', 'dmy'],
    ['whatsapp-us.txt', 'mdy'],
    ['whatsapp-de.txt', 'dmy'],
  ])('reads %s, deciding %s from the file, without system notices', async (name, order) => {
    const chat = await read(name);
    expect(chat.order).toBe(order);
    expect(chat.system).toBe(1);
    expect(chat.malformed).toBe(0);
    expect(chat.messages[0]).toMatchObject({ day: '2024-03-11', sender: 'Ada Lovelace' });
    expect(new Set(chat.messages.map((m) => m.sender))).toEqual(new Set(['Ada Lovelace', 'Grace Hopper']));
    expect(new Set(chat.messages.map((m) => m.day))).toEqual(
      new Set(['2024-03-11', '2024-03-13', '2024-03-14']),
    );
    const reply = chat.messages.find((m) => m.sender === 'Grace Hopper');
    expect(reply?.text?.split('\n').length).toBeGreaterThan(1);
  });

  it('keeps seconds on iOS, converts 12-hour US times, and a photo is a message without text', async () => {
    const ios = await read('whatsapp-ios.txt');
    expect(ios.messages.map((m) => m.time)).toContain('09:15:40');
    expect(ios.messages.find((m) => m.time === '09:16:02')).toMatchObject({ text: null });
    expect(ios.messages.find((m) => m.time === '09:15:40')?.text).toBe(
      'Hi Ada, yes\nThursday works,\nor Friday after three.',
    );
    const us = await read('whatsapp-us.txt');
    expect(us.messages.map((m) => `${m.day} ${m.time}`)).toEqual([
      '2024-03-11 09:01:00',
      '2024-03-11 09:15:00',
      '2024-03-13 18:30:00',
      '2024-03-14 12:20:00',
    ]);
  });

  it('keeps no text at all unless asked', async () => {
    const chat = await read('whatsapp-android.txt', { keepText: false });
    expect(chat.messages.every((m) => m.text === null)).toBe(true);
  });

  it('asks for dateOrder when every date reads both ways, and uses it when given', async () => {
    await expect(read('whatsapp-ambiguous.txt')).rejects.toMatchObject({
      field: 'dateOrder',
      message: expect.stringContaining('reads both ways'),
    });
    const dmy = await read('whatsapp-ambiguous.txt', { keepText: false, dateOrder: 'dmy' });
    expect(dmy.messages.map((m) => m.day)).toEqual(['2024-02-01', '2024-02-01', '2024-03-02']);
    const mdy = await read('whatsapp-ambiguous.txt', { keepText: false, dateOrder: 'mdy' });
    expect(mdy.messages.map((m) => m.day)).toEqual(['2024-01-02', '2024-01-02', '2024-02-03']);
  });

  it('refuses a dateOrder the file contradicts, naming the line', async () => {
    await expect(read('whatsapp-us.txt', { keepText: false, dateOrder: 'dmy' })).rejects.toMatchObject({
      field: 'dateOrder',
      message: expect.stringMatching(/line \d+ can only be mdy/),
    });
  });

  it('skips and counts impossible dates and stray lines before the first message', async () => {
    const chat = await readWhatsAppChat(
      lines(
        'garbage before\n13/03/2024, 10:00 - Ada: hi\n31/02/2024, 10:00 - Ada: when?\n13/03/2024, 25:00 - Ada: late\n',
      ),
      { keepText: true },
    );
    expect(chat.messages).toHaveLength(1);
    expect(chat.malformed).toBe(3);
    expect(chat.errors).toEqual([
      'line 1: not a WhatsApp message line: garbage before',
      'line 4: 25:00 is not a time',
      'line 3: not a date (read day-first): 31/02/2024, 10:00 - Ada: when?',
    ]);
  });
});
