import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { type ContactOptions, contactFlags, createBody, patchBody } from './contact-options';

function parse(args: string[], firstRequired = false): ContactOptions {
  const cmd = contactFlags(
    new Command('x').exitOverride().configureOutput({ writeErr: () => {} }),
    firstRequired,
  );
  return cmd.parse(args, { from: 'user' }).opts<ContactOptions>();
}

describe('contact flags', () => {
  it('collects repeatable flags and maps every flag to its API field', () => {
    const o = parse([
      '--first',
      'Grace',
      '--last',
      'Hopper',
      '--email',
      'g@navy.mil',
      '--email',
      'g@home.example',
      '--phone',
      '+1 202 555 0100',
      '--tag',
      'cobol',
      '--tag',
      'navy',
      '--company',
      'Navy',
      '--title',
      'Admiral',
      '--city',
      'Arlington',
      '--country',
      'US',
      '--tz',
      'America/New_York',
      '--met-on',
      '1980-01-02',
      '--how-met',
      'a conference',
    ]);
    expect(createBody({ ...o, first: 'Grace' }, 'c1')).toEqual({
      firstName: 'Grace',
      lastName: 'Hopper',
      emails: [{ value: 'g@navy.mil' }, { value: 'g@home.example' }],
      phones: [{ value: '+1 202 555 0100' }],
      tags: ['cobol', 'navy'],
      company: 'Navy',
      title: 'Admiral',
      city: 'Arlington',
      country: 'US',
      timeZone: 'America/New_York',
      metOn: '1980-01-02',
      howMet: 'a conference',
      circleId: 'c1',
    });
  });

  it('requires --first for add', () => {
    expect(() => parse(['--last', 'Hopper'], true)).toThrow(/--first/);
  });

  it('sends only the flags given on edit; an empty value clears the field', () => {
    expect(patchBody(parse(['--title', 'Commodore']), undefined)).toEqual({ title: 'Commodore' });
    expect(patchBody(parse(['--company', '', '--email', '']), null)).toEqual({
      company: null,
      emails: [],
      circleId: null,
    });
    expect(patchBody(parse([]), undefined)).toEqual({});
  });
});
