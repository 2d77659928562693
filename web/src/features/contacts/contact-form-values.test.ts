import type { Contact } from '@contract/contacts';
import { describe, expect, it } from 'vitest';
import {
  contactToForm,
  emptyContactForm,
  formToPayload,
  linkInputForField,
  rowForField,
} from './contact-form-values';

const saved: Contact = {
  id: 'c1',
  firstName: 'Grace',
  lastName: 'Hopper',
  displayName: 'Grace Hopper',
  company: 'US Navy',
  title: null,
  industry: null,
  city: 'Arlington',
  country: null,
  timeZone: 'America/New_York',
  workingHours: null,
  preferredChannel: 'email',
  howMet: null,
  metOn: '1944-07-02',
  circleId: null,
  tracked: true,
  capture: true,
  cadence: null,
  emails: [{ value: 'grace@navy.example', label: 'work' }],
  phones: [],
  links: [
    { kind: 'github', url: 'https://github.com/grace' },
    { kind: 'website', url: 'https://grace.example' },
  ],
  tags: ['pioneer'],
  photoHash: null,
  lastInteractionAt: null,
  nextDueAt: null,
  healthScore: null,
  createdAt: '2026-03-10T09:00:00.000Z',
  updatedAt: '2026-03-10T09:00:00.000Z',
};

describe('contact form values', () => {
  it('turns blank inputs into nulls and drops empty rows', () => {
    const body = formToPayload({
      ...emptyContactForm(),
      firstName: '  Ada ',
      emails: ['', ' ada@example.com '],
    });
    expect(body.firstName).toBe('Ada');
    expect(body.company).toBeNull();
    expect(body.metOn).toBeNull();
    expect(body.emails).toEqual([{ value: 'ada@example.com' }]);
    expect(body.phones).toEqual([]);
    expect(body.links).toEqual([]);
  });

  it('round-trips a saved contact, keeping labels and the links the form does not show', () => {
    const values = contactToForm(saved);
    expect(values.phones).toEqual(['']);
    expect(values.website).toBe('https://grace.example');
    const body = formToPayload({ ...values, tags: ['pioneer', ' pioneer ', 'navy'] }, saved);
    expect(body.emails).toEqual([{ value: 'grace@navy.example', label: 'work' }]);
    expect(body.links).toEqual([
      { kind: 'website', url: 'https://grace.example' },
      { kind: 'github', url: 'https://github.com/grace' },
    ]);
    expect(body.tags).toEqual(['pioneer', 'navy']);
    expect(body.metOn).toBe('1944-07-02');
    expect(body.timeZone).toBe('America/New_York');
  });

  it('maps a server error index back to the row the user sees', () => {
    // Rows 0 and 2 are blank and were not sent, so the server's emails.1 is the form's row 3.
    expect(rowForField(['', 'a@x.io', '', 'b@x.io'], 1)).toBe(3);
    expect(rowForField(['a@x.io'], 4)).toBe(-1);
    const v = { ...emptyContactForm(), website: 'nope' };
    expect(linkInputForField(v, 0)).toBe('website');
    expect(linkInputForField({ ...v, linkedin: 'https://linkedin.com/in/x' }, 1)).toBe('website');
    expect(linkInputForField(v, 1)).toBeNull();
  });
});

describe('the birthday on the contact form', () => {
  const base = { id: 'c1', firstName: 'Grace' } as unknown as Parameters<typeof contactToForm>[0];
  it('sends month and day, and the year only when given', () => {
    const v = { ...emptyContactForm(), firstName: 'Grace', birthdayMonth: '12', birthdayDay: '9' };
    expect(formToPayload(v).birthday).toEqual({ month: 12, day: 9 });
    expect(formToPayload({ ...v, birthdayYear: '1906' }).birthday).toEqual({ month: 12, day: 9, year: 1906 });
  });
  it('removes a stored birthday when cleared, and sends nothing when there never was one', () => {
    const cleared = { ...emptyContactForm(), firstName: 'Grace' };
    expect(formToPayload(cleared, undefined, true).birthday).toBeNull();
    expect('birthday' in formToPayload(cleared)).toBe(false);
  });
  it('starts from the stored birthday', () => {
    const v = contactToForm(
      { ...base, emails: [], phones: [], links: [], tags: [] },
      { month: 2, day: 29, year: null },
    );
    expect([v.birthdayMonth, v.birthdayDay, v.birthdayYear]).toEqual(['2', '29', '']);
  });
});
