import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaptureContext,
  decideCapture,
  MAX_PEOPLE,
  type MessageShape,
  normaliseAddress,
} from './capture-rules.js';

const local = fc.stringMatching(/^[a-z0-9][a-z0-9.]{0,10}$/);
const domain = fc.constantFrom(
  'gmail.com',
  'googlemail.com',
  'example.org',
  'navy.example',
  'mail.corp.example',
);
const address = fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);

function ctx(
  contacts: Record<string, string>,
  opts: Partial<CaptureContext> = {},
  refused: string[] = [],
): CaptureContext {
  return {
    own: new Set(['ada@gmail.com']),
    excludedDomains: new Set(),
    contactOf: (a) =>
      contacts[a] ? { id: contacts[a]!, capture: !refused.includes(contacts[a]!) } : undefined,
    ...opts,
  };
}

const msg = (m: Partial<MessageShape>): MessageShape => ({
  from: null,
  to: [],
  cc: [],
  bulk: false,
  sent: false,
  ...m,
});

describe('normaliseAddress', () => {
  it('folds case, +tags and Gmail dots, and keeps other dots', () => {
    expect(normaliseAddress('Ada.Lovelace+tend@GoogleMail.com')).toBe('adalovelace@gmail.com');
    expect(normaliseAddress('Grace.Hopper+x@Navy.Example')).toBe('grace.hopper@navy.example');
  });

  it('is idempotent and blind to case and plus-tags', () => {
    fc.assert(
      fc.property(address, fc.stringMatching(/^[a-z0-9]{1,6}$/), (a, tag) => {
        const n = normaliseAddress(a);
        expect(normaliseAddress(n)).toBe(n);
        expect(normaliseAddress(a.toUpperCase())).toBe(n);
        const at = a.lastIndexOf('@');
        expect(normaliseAddress(`${a.slice(0, at)}+${tag}${a.slice(at)}`)).toBe(n);
      }),
    );
  });
});

describe('decideCapture', () => {
  const grace = { 'grace@navy.example': 'c-grace' };

  it('captures my mail to a contact as outbound and their mail as inbound', () => {
    expect(decideCapture(msg({ from: 'Ada@gmail.com', to: ['Grace+x@navy.example'] }), ctx(grace))).toEqual({
      kind: 'capture',
      direction: 'outbound',
      contactIds: ['c-grace'],
    });
    expect(
      decideCapture(
        msg({ from: 'grace@navy.example', to: ['ada@gmail.com'], cc: ['bob@x.org'] }),
        ctx(grace),
      ),
    ).toEqual({ kind: 'capture', direction: 'inbound', contactIds: ['c-grace'] });
  });

  it("takes the mail store's Sent as outbound even from an address not yet known as mine", () => {
    expect(
      decideCapture(msg({ from: 'ada@work.example', to: ['grace@navy.example'], sent: true }), ctx(grace)),
    ).toMatchObject({ kind: 'capture', direction: 'outbound' });
  });

  it('says why it skips', () => {
    const c = ctx(grace, { excludedDomains: new Set(['navy.example']) });
    expect(decideCapture(msg({ from: 'grace@navy.example', bulk: true }), ctx(grace)).kind).toBe('skip');
    expect(decideCapture(msg({ from: 'ada@gmail.com', to: ['a.da@gmail.com'] }), ctx(grace))).toMatchObject({
      reason: 'own',
    });
    expect(decideCapture(msg({ from: 'grace@sub.navy.example' }), c)).toMatchObject({
      reason: 'excluded_domain',
    });
    expect(decideCapture(msg({ from: 'grace@navy.example' }), ctx(grace, {}, ['c-grace']))).toMatchObject({
      reason: 'dont_capture',
    });
    expect(decideCapture(msg({ from: 'Stranger@x.org' }), ctx(grace))).toEqual({
      kind: 'skip',
      reason: 'unknown',
      strangers: ['stranger@x.org'],
    });
  });

  it('never captures bulk mail, crowds, or anyone but matched contacts who allow it', () => {
    const contactsArb = fc.dictionary(address.map(normaliseAddress), fc.constantFrom('c1', 'c2', 'c3'));
    fc.assert(
      fc.property(
        fc.record({
          from: fc.option(address, { nil: null }),
          to: fc.array(address, { maxLength: 25 }),
          cc: fc.array(address, { maxLength: 5 }),
          bulk: fc.boolean(),
          sent: fc.boolean(),
        }),
        contactsArb,
        fc.subarray(['c1', 'c2', 'c3']),
        (m, contacts, refused) => {
          const d = decideCapture(m, ctx(contacts, {}, refused));
          const people = new Set(
            [m.from, ...m.to, ...m.cc].filter((a) => a !== null).map((a) => normaliseAddress(a!)),
          );
          if (m.bulk || people.size > MAX_PEOPLE) expect(d.kind).toBe('skip');
          if (d.kind === 'capture') {
            expect(d.contactIds.length).toBeGreaterThan(0);
            expect(new Set(d.contactIds).size).toBe(d.contactIds.length);
            for (const id of d.contactIds) {
              expect(refused).not.toContain(id);
              expect(Object.values(contacts)).toContain(id);
            }
            // The same message decided twice gives the same answer (capture is idempotent).
            expect(decideCapture(m, ctx(contacts, {}, refused))).toEqual(d);
          }
        },
      ),
    );
  });
});
