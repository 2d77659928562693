import type { LedgerDirection, LedgerKind } from '@contract/vocabulary';
import { isOneOf, LEDGER_DIRECTION, LEDGER_KINDS } from '@contract/vocabulary';

export const LEDGER_LABELS = {
  introduction_made: 'Introduction made',
  resource_shared: 'Resource shared',
  job_opening_shared: 'Job opening shared',
  recommendation_written: 'Recommendation written',
  public_congratulation: 'Public congratulation',
  help_given: 'Help given',
  favour_asked: 'Favour asked',
  favour_received: 'Favour received',
} satisfies Record<LedgerKind, string>;

/** The kinds a "Log a give" or "Log an ask" form offers; a received favour counts with the asks. */
export function kindsFor(mode: 'give' | 'ask'): { value: LedgerKind; label: string }[] {
  const wanted: LedgerDirection[] = mode === 'give' ? ['give'] : ['ask', 'received'];
  return LEDGER_KINDS.filter((k) => wanted.includes(LEDGER_DIRECTION[k])).map((value) => ({
    value,
    label: LEDGER_LABELS[value],
  }));
}

export const isLedgerKind = (value: string | null): value is LedgerKind => isOneOf(LEDGER_KINDS, value);

/** Green when you have given more, red when you have asked more, grey when even. */
export function balanceColor(balance: number): 'teal' | 'red' | 'gray' {
  return balance > 0 ? 'teal' : balance < 0 ? 'red' : 'gray';
}

/** "+2", "−1", "0": the sign is part of what the badge says. */
export function signed(balance: number): string {
  return balance > 0 ? `+${balance}` : balance < 0 ? `−${Math.abs(balance)}` : '0';
}
