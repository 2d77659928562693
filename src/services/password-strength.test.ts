import { describe, expect, it } from 'vitest';
import { passwordWeakness } from './password-strength';

const ADA = ['ada.lovelace@example.com', 'Ada Lovelace'];

describe('password strength', () => {
  it('refuses common, repeated, blank and own-detail passwords, saying why', async () => {
    const cases: [string, RegExp][] = [
      ['1234567890', /hundred most used/],
      ['password12', /commonly used/],
      [' '.repeat(10), /not only spaces/],
      ['\0'.repeat(10), /not only spaces or control/],
      ['ada.lovelace@example.com', /e-mail address/],
      ['AdaLovelace1', /too weak/],
      ['short', /at least 10/],
    ];
    for (const [password, why] of cases)
      expect(String(await passwordWeakness(password, ADA)), password).toMatch(why);
  });

  it('accepts long unusual passphrases', async () => {
    for (const p of ['correct horse battery', 'kettle-marble-ostrich', 'Tr0ub4dor&3x'])
      expect(await passwordWeakness(p, ADA), p).toBeNull();
  });
});
