import { describe, expect, it } from 'vitest';
import { changeLines } from './change-text';
import { formatBytes, percentOf } from './upload';

describe('changeLines', () => {
  it('writes overwrites with an arrow, fills without one, and one line per added item', () => {
    expect(
      changeLines([
        { field: 'company', from: 'Acme', to: 'Globex', applies: true },
        { field: 'city', to: 'London', applies: true },
        { field: 'emails', added: ['x@y.example', 'z@y.example'] },
        { field: 'links', added: ['https://www.linkedin.com/in/x'] },
      ]),
    ).toEqual([
      'company: Acme → Globex',
      'city: London',
      '+ e-mail x@y.example',
      '+ e-mail z@y.example',
      '+ link https://www.linkedin.com/in/x',
    ]);
  });

  it('says when the contact keeps its own value', () => {
    expect(changeLines([{ field: 'timeZone', from: 'Europe/Paris', to: 'UTC', applies: false }])).toEqual([
      'time zone stays Europe/Paris (file: UTC)',
    ]);
  });
});

describe('upload progress', () => {
  it('reaches 100 only when every byte is sent', () => {
    expect(percentOf({ loaded: 0, total: 0 })).toBe(0);
    expect(percentOf({ loaded: 999, total: 1000 })).toBe(99);
    expect(percentOf({ loaded: 1000, total: 1000 })).toBe(100);
    expect(percentOf({ loaded: 250, total: 1000 })).toBe(25);
  });

  it('formats sizes in decimal units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1234)).toBe('1.2 kB');
    expect(formatBytes(60_000_000)).toBe('60.0 MB');
    expect(formatBytes(250_000_000)).toBe('250 MB');
  });
});
