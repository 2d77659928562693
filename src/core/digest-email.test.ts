import { describe, expect, it } from 'vitest';
import { digestEmail } from './digest-email';

describe('digest e-mail', () => {
  const input = {
    localDate: '2026-03-10',
    dateLabel: 'Tuesday 10 March',
    items: [
      {
        contactId: 'c1',
        name: '<script>alert(1)</script> Eve',
        headline: 'Birthday in 2 days',
        reasons: ['Birthday in 2 days', 'Said "<b>hi</b>" & left'],
      },
    ],
    moreCount: 2,
    publicUrl: 'https://tend.example/',
  };
  it('escapes every user-provided string in the HTML part and keeps the text part literal', () => {
    const mail = digestEmail(input);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>hi</b>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Eve');
    expect(mail.html).toContain('Said &quot;&lt;b&gt;hi&lt;/b&gt;&quot; &amp; left');
    expect(mail.text).toContain('1. <script>alert(1)</script> Eve — Birthday in 2 days');
  });
  it('says the reasons in words and links to the public URL', () => {
    const mail = digestEmail(input);
    expect(mail.subject).toBe('Today in Tend: 1 person to reach out to (Tuesday 10 March)');
    expect(mail.text).toContain('   - Birthday in 2 days');
    expect(mail.text).toContain('https://tend.example/contacts/c1');
    expect(mail.text).toContain('2 more are waiting.');
    expect(mail.html).toContain('href="https://tend.example/today"');
  });
});
