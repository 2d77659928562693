import { LEDGER_DIRECTION, type LedgerDirection, type LedgerKind } from './vocabulary';

/**
 * Points per direction; documented in docs/ledger.md — change both together. Receiving help counts
 * like asking: either way the relationship carried something for you, and only a give pays it back.
 */
export const LEDGER_WEIGHTS: Record<LedgerDirection, number> = { give: 1, ask: -1, received: -1 };

/** Points one entry adds to its contact's balance. */
export function ledgerWeight(kind: LedgerKind): number {
  return LEDGER_WEIGHTS[LEDGER_DIRECTION[kind]];
}

export interface LedgerTally {
  balance: number;
  gives: number;
  asks: number;
  received: number;
}

/** Balance and counts over entries of kind `kind` appearing `count` times (count defaults to 1). */
export function tally(entries: readonly { kind: LedgerKind; count?: number }[]): LedgerTally {
  const t: LedgerTally = { balance: 0, gives: 0, asks: 0, received: 0 };
  for (const e of entries) {
    const n = e.count ?? 1;
    const direction = LEDGER_DIRECTION[e.kind];
    if (direction === 'give') t.gives += n;
    else if (direction === 'ask') t.asks += n;
    else t.received += n;
    t.balance += n * LEDGER_WEIGHTS[direction];
  }
  return t;
}

export interface ContactLedgerCount {
  contactId: string;
  kind: LedgerKind;
  count: number;
}
export interface ContactBalance extends LedgerTally {
  contactId: string;
}
export interface NetworkBalance extends LedgerTally {
  totals: Record<LedgerKind, number>;
  /** Contacts you have given most to, most gives first. */
  topGivenTo: ContactBalance[];
  /** Contacts you have asked (or received) most from, most first. */
  mostAsked: ContactBalance[];
}

/** The whole network's balance from per-contact counts, with the `top` contacts each way. */
export function networkBalance(counts: readonly ContactLedgerCount[], top = 5): NetworkBalance {
  const totals: Record<LedgerKind, number> = {
    introduction_made: 0,
    resource_shared: 0,
    job_opening_shared: 0,
    recommendation_written: 0,
    public_congratulation: 0,
    help_given: 0,
    favour_asked: 0,
    favour_received: 0,
  };
  const perContact = new Map<string, ContactLedgerCount[]>();
  for (const c of counts) {
    totals[c.kind] += c.count;
    perContact.set(c.contactId, [...(perContact.get(c.contactId) ?? []), c]);
  }
  const contacts = [...perContact].map(([contactId, list]) => ({ contactId, ...tally(list) }));
  const byId = (a: ContactBalance, b: ContactBalance) => (a.contactId < b.contactId ? -1 : 1);
  return {
    ...tally(counts),
    totals,
    topGivenTo: contacts
      .filter((c) => c.gives > 0)
      .sort((a, b) => b.gives - a.gives || b.balance - a.balance || byId(a, b))
      .slice(0, top),
    mostAsked: contacts
      .filter((c) => c.asks + c.received > 0)
      .sort((a, b) => b.asks + b.received - (a.asks + a.received) || a.balance - b.balance || byId(a, b))
      .slice(0, top),
  };
}

// U+2212 minus sign, as a person would write it, not a hyphen.
const signed = (n: number) => (n < 0 ? `\u2212${-n}` : String(n));

/** F11: a nudge to give first when the balance with `firstName` is zero or below; null otherwise. */
export function askWarning(balance: number, firstName: string): string | null {
  if (balance > 0) return null;
  const where =
    balance < 0
      ? `You have asked more than you have given to ${firstName}`
      : `You have not yet given ${firstName} more than you have asked`;
  return `${where} (${signed(balance)}): give first, e.g. share a resource or make an introduction.`;
}

/** Whether logging `kind` on a balance of `balanceBefore` deserves the warning: asks only, at zero or below. */
export function warnsOnLog(kind: LedgerKind, balanceBefore: number): boolean {
  return LEDGER_DIRECTION[kind] === 'ask' && balanceBefore <= 0;
}
