import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintDraft } from './draft-linter';
import {
  DRAFT_OCCASIONS,
  DRAFT_TEMPLATES,
  DRAFT_VARIABLES,
  type DraftVariables,
  renderDraft,
  templateVariables,
} from './draft-templates';
import { CHANNELS } from './vocabulary';

const none: DraftVariables = {
  firstName: '',
  lastTopic: '',
  recentWin: '',
  resourceTitle: '',
  resourceUrl: '',
  pinnedFact: '',
  myName: '',
  holidayName: '',
};
const vars = (v: Partial<DraftVariables>): DraftVariables => ({ ...none, ...v });

describe('the template set', () => {
  it('has several templates per occasion, one of them needing no variable', () => {
    for (const occasion of DRAFT_OCCASIONS) {
      const list = DRAFT_TEMPLATES.filter((t) => t.occasion === occasion);
      expect(list.length, occasion).toBeGreaterThanOrEqual(3);
      expect(
        list.some((t) => templateVariables(t).length === 0),
        occasion,
      ).toBe(true);
    }
  });
  it('uses only known variables and unique ids', () => {
    for (const t of DRAFT_TEMPLATES)
      for (const v of templateVariables(t)) expect(DRAFT_VARIABLES, t.id).toContain(v);
    expect(new Set(DRAFT_TEMPLATES.map((t) => t.id)).size).toBe(DRAFT_TEMPLATES.length);
  });
  it('never renders a draft the linter calls empty or unclear, with or without variables', () => {
    const full = vars({
      firstName: 'Grace',
      lastTopic: 'compilers',
      recentWin: 'the promotion to CTO',
      resourceTitle: 'Rust in 2026',
      resourceUrl: 'https://example.com/rust',
      pinnedFact: 'sailing',
      myName: 'Ada',
      holidayName: 'Diwali',
    });
    for (const occasion of DRAFT_OCCASIONS)
      for (const v of [none, full]) {
        const d = renderDraft(occasion, v, 'email');
        const codes = lintDraft(d.body, 'email', { firstName: v.firstName }).map((i) => i.code);
        expect(codes, `${d.templateId}: ${d.body}`).not.toContain('empty_opener');
        expect(codes, d.templateId).not.toContain('unclear_ask');
        expect(d.body, d.templateId).not.toMatch(/\{\{/);
      }
  });
});

describe('holiday drafts', () => {
  it('greets the holiday by name, and says something of them when Tend knows it', () => {
    const d = renderDraft(
      'holiday',
      vars({ firstName: 'Priya', holidayName: 'Diwali', pinnedFact: 'the garden', myName: 'Ada' }),
      'email',
    );
    expect(d.subject).toBe('Happy Diwali, Priya');
    expect(d.body).toContain('Wishing you a happy Diwali!');
    expect(d.body).toContain('the garden');
    expect(lintDraft(d.body, 'email', { firstName: 'Priya', anchors: ['Diwali'] })).toEqual([]);
    const plain = renderDraft(
      'holiday',
      vars({ firstName: 'Priya', holidayName: 'Lunar New Year', myName: 'Ada' }),
      'text',
    );
    expect(plain.body).toMatch(/^Hi Priya, Happy Lunar New Year!/);
    expect(lintDraft(plain.body, 'text', { firstName: 'Priya', anchors: ['Lunar New Year'] })).toEqual([]);
  });
});

describe('renderDraft', () => {
  it('skips templates whose variables are empty and prefers the most personal one', () => {
    expect(renderDraft('congratulate', vars({ firstName: 'Grace' }), 'email').templateId).toBe(
      'congratulate.3',
    );
    const d = renderDraft(
      'congratulate',
      vars({ firstName: 'Grace', recentWin: 'the new role at Acme', lastTopic: 'hiring', myName: 'Ada' }),
      'email',
    );
    expect(d.templateId).toBe('congratulate.2');
    expect(d.subject).toBe('Well done, Grace');
    expect(d.body).toBe(
      'Hi Grace,\n\nCongratulations on the new role at Acme! I remember you mentioning hiring, so I know how much work went into it.\n\nCheers,\nAda',
    );
  });

  it('is deterministic for the same context', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DRAFT_OCCASIONS),
        fc.record({ firstName: fc.string(), lastTopic: fc.string(), myName: fc.string() }),
        (occasion, v) => {
          expect(renderDraft(occasion, vars(v), 'email')).toEqual(renderDraft(occasion, vars(v), 'email'));
        },
      ),
    );
  });

  it('passes quotes, markup, RTL text and emoji through as plain text, unescaped', () => {
    const hostile = vars({
      firstName: `"'<script>alert(1)</script>`,
      resourceTitle: 'שלום עולם & <b>bold</b>',
      resourceUrl: 'https://example.com/?a=1&b="2"',
      myName: 'Ada 🎉👩🏽‍💻',
    });
    const d = renderDraft('share_resource', hostile, 'email');
    expect(d.body).toContain(`Hi "'<script>alert(1)</script>,`);
    expect(d.body).toContain('"שלום עולם & <b>bold</b>"');
    expect(d.body).toContain('https://example.com/?a=1&b="2"');
    expect(d.body.endsWith('Ada 🎉👩🏽‍💻')).toBe(true);
    expect(d.body).not.toMatch(/&lt;|&amp;|&quot;|&#/);
  });

  it('never expands a template marker that arrives inside a value', () => {
    const d = renderDraft('birthday', vars({ firstName: '{{myName}}', myName: 'Ada' }), 'email');
    expect(d.body).toContain('Happy birthday, {{myName}}!');
  });

  it('keeps line breaks for e-mail and collapses them for text and LinkedIn', () => {
    const v = vars({ firstName: 'Grace', myName: 'Ada' });
    expect(renderDraft('birthday', v, 'email').body).toBe(
      'Happy birthday, Grace! I hope you have a great day.\n\nAda',
    );
    for (const channel of ['text', 'linkedin', 'social_dm'] as const)
      expect(renderDraft('birthday', v, channel).body).toBe(
        'Happy birthday, Grace! I hope you have a great day. Ada',
      );
  });

  it('keeps a value on one line whatever it holds', () => {
    const d = renderDraft('birthday', vars({ firstName: 'Gr\nace\u0000\u2028x', myName: 'Ada' }), 'email');
    expect(d.subject).toBe('Happy birthday, Gr ace x!');
    for (const channel of CHANNELS)
      expect(renderDraft('update', none, channel).body.length).toBeGreaterThan(20);
  });
});
