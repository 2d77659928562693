import { deepLinks } from '@contract/drafts';
import { describe, expect, it } from 'vitest';
import { mailtoBody, relink } from './relink';

describe('relink', () => {
  const original = deepLinks(
    {
      email: 'ada+tend@example.com',
      phoneE164: '+447700900123',
      linkedinUrl: 'https://www.linkedin.com/in/ada',
    },
    { subject: 'Congrats', body: 'Hi Ada,\n\nOld text' },
  );

  it('puts the edited text behind the same addresses', () => {
    const edited = relink(original, { subject: 'Well done', body: 'Hi Ada,\n\nNew & better? 100%' });
    expect(edited.mailto).toMatch(/^mailto:ada%2Btend@example\.com\?subject=Well%20done&body=/);
    expect(mailtoBody(edited.mailto ?? '')).toBe('Hi Ada,\n\nNew & better? 100%');
    expect(edited.sms).toBe(`sms:+447700900123?body=${encodeURIComponent('Hi Ada,\n\nNew & better? 100%')}`);
    expect(edited.whatsapp).toMatch(/^https:\/\/wa\.me\/447700900123\?text=Hi%20Ada/);
    expect(edited.tel).toBe('tel:+447700900123');
    expect(edited.linkedin).toBe('https://www.linkedin.com/in/ada');
  });

  it('keeps missing addresses missing', () => {
    const none = relink(
      { mailto: null, sms: null, tel: null, whatsapp: null, linkedin: null },
      { body: 'x' },
    );
    expect(none).toEqual({ mailto: null, sms: null, tel: null, whatsapp: null, linkedin: null });
  });
});
