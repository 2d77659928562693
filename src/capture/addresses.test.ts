import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mailbox } from './addresses';
import { parseAddressList, parseMessageIds } from './addresses';
import { decodeEncodedWords } from './encoded-words';

// The previous definitions, kept as the references of the property tests below.
function plainSplitTopLevel(value: string): string[] {
  const parts: string[] = [];
  let depthParen = 0;
  let inAngle = false;
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (inQuote) {
      if (c === '\\') i++;
      else if (c === '"') inQuote = false;
    } else if (c === '"') inQuote = true;
    else if (c === '(') depthParen++;
    else if (c === ')' && depthParen > 0) depthParen--;
    else if (c === '<' && depthParen === 0) inAngle = true;
    else if (c === '>') inAngle = false;
    else if ((c === ',' || c === ';') && !inAngle && depthParen === 0) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

const PLAIN_ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
const PLAIN_MAX = 254;

function plainParseAddressList(value: string | undefined): Mailbox[] {
  if (!value) return [];
  const out: Mailbox[] = [];
  for (let part of plainSplitTopLevel(value)) {
    const colon = part.indexOf(':');
    if (colon >= 0 && !part.slice(0, colon).includes('<') && !part.slice(0, colon).includes('"'))
      part = part.slice(colon + 1);
    const angle = /<([^>]*)>/.exec(part);
    let address: string;
    let name: string;
    if (angle) {
      address = angle[1]!.trim();
      name = part.slice(0, angle.index).trim();
    } else {
      const comment = /\(([^)]*)\)/.exec(part);
      address = part.replace(/\([^)]*\)/g, '').trim();
      name = comment?.[1]?.trim() ?? '';
    }
    address = address.replace(/^mailto:/i, '');
    if (address.length > PLAIN_MAX || !PLAIN_ADDRESS.test(address)) continue;
    if (name.startsWith('"') && name.endsWith('"') && name.length >= 2)
      name = name.slice(1, -1).replace(/\\(.)/g, '$1');
    out.push({ name: decodeEncodedWords(name).trim(), address });
  }
  return out;
}

function plainParseMessageIds(value: string | undefined): string[] {
  if (!value) return [];
  const ids = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  if (ids.length > 0) return ids;
  const bare = value.trim();
  return bare && !/\s/.test(bare) ? [bare] : [];
}

// Pieces of address fields near the parsers' edges: quotes with escapes, comments, groups, angle
// brackets open or unclosed, mailto: in any case, separators, white space that only \s knows.
const piece = fc.constantFrom(
  'Ada',
  ' ',
  '"',
  '\\',
  '"Hopper, Grace"',
  '<',
  '>',
  '(',
  ')',
  ',',
  ';',
  ':',
  'Team:',
  '@',
  '.',
  'ada@example.com',
  'grace+x@navy.example',
  'mailto:',
  'MAILTO:',
  'mailt:',
  '=?UTF-8?B?w4lsaXNl?=',
  '\t',
  '\r\n',
  '\u00a0',
  '\u2028',
  '\u3000',
  'é',
);
const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));

describe('the address parsers against their previous definitions', () => {
  it('parseAddressList reads every list as before', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(parseAddressList(value)).toEqual(plainParseAddressList(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('parseMessageIds reads every field as before', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(parseMessageIds(value)).toEqual(plainParseMessageIds(value));
      }),
      { numRuns: 20_000 },
    );
  });
});

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
