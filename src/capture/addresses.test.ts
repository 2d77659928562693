import { describe, expect, it } from 'vitest';
import { parseAddressList, parseMessageIds } from './addresses.js';
import { decodeEncodedWords } from './encoded-words.js';

describe('parseAddressList', () => {
  it('reads names, quotes, comments and groups, and drops what is not an address', () => {
    expect(
      parseAddressList(
        '"Hopper, Grace" <grace@navy.example>, bob@x.org (Bob B), Team: c@y.org, d@y.org;, undisclosed-recipients:;, not an address, <>',
      ),
    ).toEqual([
      { name: 'Hopper, Grace', address: 'grace@navy.example' },
      { name: 'Bob B', address: 'bob@x.org' },
      { name: '', address: 'c@y.org' },
      { name: '', address: 'd@y.org' },
    ]);
    expect(parseAddressList('=?UTF-8?B?w4lsaXNl?= <elise@x.fr>')).toEqual([
      { name: 'Élise', address: 'elise@x.fr' },
    ]);
  });

  it('reads Message-IDs with or without brackets', () => {
    expect(parseMessageIds('<a@b> <c@d>\r\n <e@f>')).toEqual(['a@b', 'c@d', 'e@f']);
    expect(parseMessageIds('bare@id')).toEqual(['bare@id']);
    expect(parseMessageIds('')).toEqual([]);
  });
});

describe('decodeEncodedWords', () => {
  it('decodes B and Q words in any charset and joins adjacent words', () => {
    expect(decodeEncodedWords('=?iso-8859-1?q?J=F6rg?= =?utf-8?b?w7w=?= end')).toBe('Jörgü end');
    expect(decodeEncodedWords('plain =?x-unknown?q?abc?=')).toBe('plain =?x-unknown?q?abc?=');
  });
});
