import { describe, expect, it } from 'vitest';
import { atToIso, logBody } from './log-command';

describe('tend log body', () => {
  it('maps in/out to the API directions and leaves unset flags out', () => {
    expect(logBody({ channel: 'email', direction: 'out' })).toEqual({
      channel: 'email',
      direction: 'outbound',
    });
    expect(
      logBody({ channel: 'call', direction: 'in', summary: 'Hi', topic: ['a', 'b'], awaitingReply: true }),
    ).toEqual({
      channel: 'call',
      direction: 'inbound',
      summary: 'Hi',
      topics: ['a', 'b'],
      awaitingReply: true,
    });
  });

  it('reads --at without an offset in the given zone and keeps an explicit offset', () => {
    expect(atToIso('2026-03-01', 'Europe/Paris')).toBe('2026-03-01T00:00:00.000+01:00');
    expect(atToIso('2026-03-01T14:30', 'America/New_York')).toBe('2026-03-01T14:30:00.000-05:00');
    expect(atToIso('2026-03-01T14:30:00Z', 'Asia/Tokyo')).toBe('2026-03-01T14:30:00.000Z');
    expect(atToIso('yesterday', 'UTC')).toBe('yesterday'); // the API names the field
  });
});
