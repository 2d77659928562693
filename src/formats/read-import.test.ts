import { describe, expect, it } from 'vitest';
import { collect, fixtureStream } from '../../test/fixtures/imports/fixture';
import { detectFormat } from './detect-format';
import { readImport } from './read-import';

describe('readImport', () => {
  it.each([
    ['linkedin-connections.csv', 'linkedin', 6],
    ['linkedin-utf16le.csv', 'linkedin', 1],
    ['google-contacts.csv', 'google', 4],
    ['google-contacts-legacy.csv', 'google', 1],
    ['outlook-1252.csv', 'outlook', 3],
    ['outlook-semicolon.csv', 'outlook', 1],
    ['vcard21-qp.vcf', 'vcard', 2],
    ['iphone30.vcf', 'vcard', 1],
    ['vcard40.vcf', 'vcard', 3],
    ['truncated.vcf', 'vcard', 4],
  ])('detects %s as %s from its content and streams its rows', async (name, format, count) => {
    const result = await readImport(fixtureStream(name, 64));
    expect(result.format).toBe(format);
    const rows = await collect(result.rows);
    expect(rows.length).toBeGreaterThanOrEqual(count);
  });

  it('rejects empty, binary and unknown files with a clear error', async () => {
    await expect(readImport(fixtureStream('empty.csv'))).rejects.toThrow('The file is empty.');
    await expect(readImport(fixtureStream('binary.bin'))).rejects.toThrow(/binary/);
    await expect(readImport(fixtureStream('not-contacts.csv'))).rejects.toThrow(
      /Unrecognised file \(it starts with "Date,Amount,Payee"\)\. Expected one of: a vCard.*LinkedIn.*Google.*Outlook/,
    );
  });

  it('tells Google from Outlook and LinkedIn by their columns', () => {
    expect(detectFormat(['First Name,Middle Name,Last Name,E-mail Address,Business Phone'])).toBe('outlook');
    expect(detectFormat(['First Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value'])).toBe('google');
    expect(detectFormat(['Notes:', '"x"', '', 'First Name,Last Name,URL,Connected On'])).toBe('linkedin');
    expect(detectFormat(['', '  ', 'begin:vcard'])).toBe('vcard');
    expect(() => detectFormat(['', ' '])).toThrow('The file is empty.');
  });
});
