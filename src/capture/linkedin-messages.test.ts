import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../formats/decode';
import { type LinkedInMessage, linkedInDate, ownSide, readLinkedInMessages } from './linkedin-messages';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/capture/${name}`, import.meta.url));

async function read(name: string, keepContent = true) {
  const messages: LinkedInMessage[] = [];
  const errors: string[] = [];
  for await (const item of readLinkedInMessages(bytesSource(fixture(name)), { keepContent }))
    if (item.ok) messages.push(item.message);
    else errors.push(item.error);
  return { messages, errors };
}

describe('readLinkedInMessages', () => {
  it('reads the current layout: profiles normalised like contact links, dates in UTC, bad rows named', async () => {
    const { messages, errors } = await read('linkedin-messages.csv');
    expect(messages).toHaveLength(8);
    expect(errors).toEqual(['row 11: DATE is not a date: sometime in March']);
    expect(messages[0]).toMatchObject({
      line: 2,
      date: '2024-03-10T08:00:00.000Z',
      from: { id: 'linkedin.com/in/ada-lovelace', name: 'Ada Lovelace' },
      to: [{ id: 'linkedin.com/in/grace-hopper', name: 'Grace Hopper' }],
      subject: 'Compilers',
      content: 'Hi Grace, loved your talk on compilers.\nCoffee next week?',
    });
    expect(messages.find((m) => m.to.length > 20)?.to).toHaveLength(22);
    expect(ownSide(messages, {})).toBe('linkedin.com/in/ada-lovelace');
  });

  it('keeps no content unless asked', async () => {
    const { messages } = await read('linkedin-messages.csv', false);
    expect(messages.every((m) => m.content === '')).toBe(true);
  });

  it('reads the 2020 layout without recipients, and the 2018 one with US dates and DIRECTION', async () => {
    const old = await read('linkedin-messages-2020.csv');
    expect(old.errors).toEqual([]);
    expect(old.messages.map((m) => m.to)).toEqual([[], [], [], []]);
    expect(ownSide(old.messages, {})).toBe('linkedin.com/in/ada-lovelace');
    const oldest = await read('linkedin-messages-2018.csv');
    expect(oldest.messages.map((m) => [m.date, m.direction, m.from.id])).toEqual([
      ['2018-03-12T14:05:00.000Z', 'outbound', 'name:ada lovelace'],
      ['2018-03-13T09:00:00.000Z', 'inbound', 'name:grace hopper'],
    ]);
    expect(ownSide(oldest.messages, {})).toBe('name:ada lovelace');
  });

  it('never guesses the own side: one conversation of two people needs ownProfileUrl', async () => {
    const { messages } = await read('linkedin-messages.csv');
    const one = messages.filter((m) => m.conversation === messages[0]!.conversation);
    expect(() => ownSide(one, {})).toThrow(expect.objectContaining({ field: 'ownProfileUrl' }));
    expect(ownSide(one, { profileUrl: 'https://linkedin.com/in/Ada-Lovelace/?x=1' })).toBe(
      'linkedin.com/in/ada-lovelace',
    );
    expect(() => ownSide(one, { profileUrl: 'https://example.com/ada' })).toThrow(
      /not a LinkedIn profile URL/,
    );
  });

  it.each([
    ['2024-03-12 14:05:09 UTC', '2024-03-12T14:05:09.000Z'],
    ['2024-03-12 14:05', '2024-03-12T14:05:00.000Z'],
    ['3/12/18, 12:05 AM', '2018-03-12T00:05:00.000Z'],
    ['2024-02-30 10:00:00 UTC', undefined],
    ['yesterday', undefined],
  ])('reads the date %s', (text, iso) => expect(linkedInDate(text)).toBe(iso));
});
