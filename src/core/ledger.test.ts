import { describe, expect, it } from 'vitest';
import { askWarning, ledgerWeight, networkBalance, tally, warnsOnLog } from './ledger';
import { LEDGER_DIRECTION, LEDGER_KINDS, type LedgerKind } from './vocabulary';

const entries = (...kinds: LedgerKind[]) => kinds.map((kind) => ({ kind }));

describe('ledger balance', () => {
  it('counts each give +1 and each ask or favour received −1', () => {
    for (const kind of LEDGER_KINDS)
      expect(ledgerWeight(kind)).toBe(LEDGER_DIRECTION[kind] === 'give' ? 1 : -1);
    expect(tally(entries('introduction_made', 'resource_shared', 'favour_asked'))).toEqual({
      balance: 1,
      gives: 2,
      asks: 1,
      received: 0,
    });
    expect(tally(entries('help_given', 'favour_received', 'favour_asked'))).toEqual({
      balance: -1,
      gives: 1,
      asks: 1,
      received: 1,
    });
    expect(tally([]).balance).toBe(0);
    expect(tally([{ kind: 'help_given', count: 3 }]).balance).toBe(3);
  });

  it('adds up the network and ranks contacts each way, ties broken by id', () => {
    const net = networkBalance(
      [
        { contactId: 'sam', kind: 'introduction_made', count: 3 },
        { contactId: 'sam', kind: 'favour_asked', count: 1 },
        { contactId: 'priya', kind: 'help_given', count: 1 },
        { contactId: 'priya', kind: 'favour_asked', count: 2 },
        { contactId: 'lee', kind: 'favour_received', count: 2 },
        { contactId: 'kim', kind: 'help_given', count: 1 },
      ],
      2,
    );
    expect(net).toMatchObject({ balance: 0, gives: 5, asks: 3, received: 2 });
    expect(net.totals.introduction_made).toBe(3);
    expect(net.totals.public_congratulation).toBe(0);
    expect(net.topGivenTo.map((c) => c.contactId)).toEqual(['sam', 'kim']);
    expect(net.mostAsked.map((c) => [c.contactId, c.balance])).toEqual([
      ['lee', -2],
      ['priya', -1],
    ]);
  });
});

describe('askWarning', () => {
  it('speaks up at zero or below and stays quiet when you have given more', () => {
    expect(askWarning(-2, 'Sam')).toBe(
      'You have asked more than you have given to Sam (\u22122): give first, e.g. share a resource or make an introduction.',
    );
    expect(askWarning(0, 'Sam')).toMatch(
      /^You have not yet given Sam more than you have asked \(0\): give first/,
    );
    expect(askWarning(1, 'Sam')).toBeNull();
  });

  it('warns on logging an ask only, and only when the balance before it is not positive', () => {
    expect(warnsOnLog('favour_asked', 0)).toBe(true);
    expect(warnsOnLog('favour_asked', -3)).toBe(true);
    expect(warnsOnLog('favour_asked', 1)).toBe(false);
    expect(warnsOnLog('favour_received', -3)).toBe(false);
    expect(warnsOnLog('help_given', -3)).toBe(false);
  });
});
