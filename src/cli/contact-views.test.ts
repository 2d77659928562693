import { describe, expect, it } from 'vitest';
import type { Contact } from '../contract/contacts';
import type { Interaction } from '../contract/interactions';
import { contactTable, interactionText, timelineLines } from './contact-views';

const interaction: Interaction = {
  id: 'i1',
  contactId: 'c1',
  channel: 'email',
  direction: 'outbound',
  occurredAt: '2026-03-01T10:00:00.000Z',
  summary: 'Sent the paper\nand a long second line',
  topics: ['cobol', 'navy'],
  awaitingReply: true,
  createdAt: '2026-03-01T10:00:00.000Z',
};

describe('contact views', () => {
  it('writes an interaction as direction, channel, first summary line, topics and the awaited reply', () => {
    expect(interactionText(interaction)).toBe('→ email  Sent the paper [cobol, navy] (awaiting reply)');
    expect(
      interactionText({
        ...interaction,
        direction: 'inbound',
        summary: '',
        topics: [],
        awaitingReply: false,
      }),
    ).toBe('← email');
  });

  it('dates timeline entries in the given zone', () => {
    expect(
      timelineLines([{ ...interaction, type: 'interaction', at: '2026-03-01T23:30:00.000Z' }], 'Asia/Tokyo'),
    ).toEqual(['2026-03-02  → email  Sent the paper [cobol, navy] (awaiting reply)']);
  });

  it('shows circle names, untracked contacts and an empty list plainly', () => {
    const c = {
      displayName: 'Grace Hopper',
      company: 'Navy',
      title: null,
      circleId: 'k1',
      tracked: false,
      lastInteractionAt: null,
      nextDueAt: null,
      healthScore: null,
    } satisfies Partial<Contact>;
    const out = contactTable([c as Contact], new Map([['k1', 'Mentors']]), 200, 'UTC');
    expect(out.split('\n')[1]).toBe(
      'Grace Hopper  Navy            Mentors  -             not tracked  no history',
    );
    expect(contactTable([], new Map(), 80)).toBe('No contacts.');
  });
});
