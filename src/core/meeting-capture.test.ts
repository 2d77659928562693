import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaptureContext, MAX_PEOPLE } from './capture-rules';
import { decideMeeting, describeMeeting } from './meeting-capture';

const contacts = new Map([
  ['grace@navy.example', { id: 'g', capture: true }],
  ['alan@bletchley.example', { id: 'a', capture: false }],
]);
const ctx: CaptureContext = {
  own: new Set(['ada@example.org']),
  excludedDomains: new Set(['corp.example']),
  contactOf: (a) => contacts.get(a),
};
const meeting = (over: Partial<Parameters<typeof decideMeeting>[0]> = {}) => ({
  organizer: 'Grace@Navy.example',
  attendees: [{ address: 'ada@example.org', partstat: 'ACCEPTED' }],
  cancelled: false,
  online: false,
  ...over,
});

describe('decideMeeting', () => {
  it('captures every contact in the meeting, inbound when someone else organised it', () => {
    expect(decideMeeting(meeting(), ctx)).toEqual({
      kind: 'capture',
      direction: 'inbound',
      channel: 'in_person',
      contactIds: ['g'],
    });
    expect(
      decideMeeting(
        meeting({
          organizer: 'ada@example.org',
          attendees: [{ address: 'grace@navy.example', partstat: 'ACCEPTED' }],
          online: true,
        }),
        ctx,
      ),
    ).toMatchObject({ direction: 'outbound', channel: 'video', contactIds: ['g'] });
  });

  it('skips cancelled, declined, don’t-capture, excluded and crowded meetings', () => {
    expect(decideMeeting(meeting({ cancelled: true }), ctx)).toMatchObject({ reason: 'cancelled' });
    expect(
      decideMeeting(meeting({ attendees: [{ address: 'ada@example.org', partstat: 'DECLINED' }] }), ctx),
    ).toMatchObject({ reason: 'declined' });
    expect(decideMeeting(meeting({ organizer: 'alan@bletchley.example' }), ctx)).toMatchObject({
      reason: 'dont_capture',
    });
    expect(decideMeeting(meeting({ organizer: 'boss@hq.corp.example' }), ctx)).toMatchObject({
      reason: 'excluded_domain',
    });
    expect(
      decideMeeting(
        meeting({ organizer: null, attendees: [{ address: 'ada@example.org', partstat: 'ACCEPTED' }] }),
        ctx,
      ),
    ).toMatchObject({ reason: 'own' });
  });

  it('never captures a meeting of more than 20 people, whoever is in it', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_PEOPLE, max: 60 }), (n) => {
        const attendees = Array.from({ length: n }, (_, i) => ({
          address: `p${i}@x.example`,
          partstat: 'ACCEPTED',
        }));
        return decideMeeting(meeting({ attendees }), ctx).kind === 'skip';
      }),
    );
  });

  it('another attendee declining does not skip the meeting', () => {
    const attendees = [
      { address: 'ada@example.org', partstat: 'ACCEPTED' },
      { address: 'bob@else.example', partstat: 'DECLINED' },
    ];
    expect(decideMeeting(meeting({ attendees }), ctx).kind).toBe('capture');
  });
});

describe('describeMeeting', () => {
  const now = '2026-03-19T21:00:00.000Z';
  it('says the day and time in the given zone', () => {
    expect(describeMeeting('2026-03-20T09:00:00.000Z', false, now, 'Europe/Berlin')).toBe(
      'Meeting tomorrow at 10:00 — read the brief',
    );
    // 21:00Z is already the 20th in Tokyo.
    expect(describeMeeting('2026-03-20T09:00:00.000Z', false, now, 'Asia/Tokyo')).toBe(
      'Meeting today at 18:00 — read the brief',
    );
    expect(describeMeeting('2026-03-21T09:00:00.000Z', false, now, null)).toBe(
      'Meeting on Saturday at 09:00 — read the brief',
    );
    expect(describeMeeting('2026-03-20T00:00:00.000Z', true, now, null)).toBe(
      'Meeting tomorrow — read the brief',
    );
  });
});
