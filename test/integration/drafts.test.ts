import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

const fields = (res: { json: () => { errors?: { field: string }[] } }) =>
  (res.json().errors ?? []).map((e) => e.field);
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe.each(dialects)('drafts (F14) on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;
  let grace: string;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app, 'ada@example.com', 'Ada Lovelace');
    grace = (
      await ada.call('POST', '/api/v1/contacts', {
        firstName: 'Grace',
        lastName: 'Hopper',
        emails: [{ value: 'grace+work@navy.example' }],
        phones: [{ value: '+1 202 555 0100' }],
        links: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/grace' }],
      })
    ).json().id;
    const c = `/api/v1/contacts/${grace}`;
    await ada.call('POST', `${c}/facts`, { kind: 'hobby', value: 'sailing', pinned: true });
    await ada.call('POST', `${c}/facts`, { kind: 'working_on', value: 'a COBOL compiler' });
    await ada.call('POST', `${c}/interactions`, {
      channel: 'video',
      direction: 'outbound',
      summary: 'Long talk about compilers. She is hiring.',
      topics: ['compilers', 'hiring'],
      occurredAt: '2026-02-20T15:00:00Z',
    });
    await ada.call('POST', `${c}/life-events`, {
      kind: 'promotion',
      title: 'the promotion to Rear Admiral',
      occurredOn: '2026-03-01',
    });
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  const draft = (body: object, id = grace) => ada.call('POST', `/api/v1/contacts/${id}/drafts`, body);

  it("fills a congratulation from the contact's data, lints it and links it", async () => {
    const res = await draft({ occasion: 'congratulate' });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({
      occasion: 'congratulate',
      templateId: 'congratulate.2',
      channel: 'email',
      subject: 'Well done, Grace',
      lint: [],
      resourceId: null,
      variables: {
        firstName: 'Grace',
        lastTopic: 'compilers',
        recentWin: 'the promotion to Rear Admiral',
        pinnedFact: 'sailing',
        myName: 'Ada Lovelace',
        resourceTitle: '',
        resourceUrl: '',
      },
    });
    expect(d.body).toContain('Congratulations on the promotion to Rear Admiral!');
    expect(d.body).toContain('\n\nCheers,\nAda Lovelace');
    expect(d.links.mailto).toBe(
      `mailto:grace%2Bwork@navy.example?subject=Well%20done%2C%20Grace&body=${encodeURIComponent(d.body.replace(/\n/g, '\r\n'))}`,
    );
    expect(d.links.tel).toBe('tel:+12025550100');
    expect(d.links.sms).toBe(`sms:+12025550100?body=${encodeURIComponent(d.body)}`);
    expect(d.links.whatsapp).toMatch(/^https:\/\/wa\.me\/12025550100\?text=/);
    expect(d.links.linkedin).toBe('https://www.linkedin.com/in/grace');
  });

  it('forgets a win older than 30 days and uses the preferred channel, one line on text', async () => {
    t.deps.clock.set('2026-04-05T09:00:00Z');
    await ada.call('PATCH', `/api/v1/contacts/${grace}`, { preferredChannel: 'text' });
    const d = (await draft({ occasion: 'congratulate' })).json();
    expect(d.variables.recentWin).toBe('');
    expect(d.channel).toBe('text');
    expect(d.templateId).toBe('congratulate.3');
    expect(d.body).not.toContain('\n');
    expect((await draft({ occasion: 'birthday', channel: 'email' })).json().body).toContain('\n');
  });

  it('shares the best matching resource not yet shared, or the one asked for', async () => {
    const r = (
      await ada.call('POST', '/api/v1/resources', {
        kind: 'article',
        title: 'A history of COBOL compilers',
        url: 'https://example.com/cobol?a=1&b=2',
        tags: ['cobol'],
      })
    ).json();
    const other = (await ada.call('POST', '/api/v1/resources', { kind: 'tool', title: 'Knitting' })).json();
    const d = (await draft({ occasion: 'share_resource' })).json();
    expect(d.resourceId).toBe(r.id);
    expect(d.body).toContain('"A history of COBOL compilers"');
    expect(d.body).toContain('https://example.com/cobol?a=1&b=2');
    expect(d.lint).toEqual([]);
    expect((await draft({ occasion: 'share_resource', resourceId: other.id })).json().resourceId).toBe(
      other.id,
    );
    await ada.call('POST', `/api/v1/resources/${r.id}/share`, { contactId: grace, channel: 'email' });
    const none = await draft({ occasion: 'share_resource' });
    expect(none.statusCode).toBe(400);
    expect(fields(none)).toEqual(['resourceId']);
  });

  it('keeps hostile names as plain text in the body and encodes them in links', async () => {
    const mallory = (
      await ada.call('POST', '/api/v1/contacts', {
        firstName: `"'<script>alert(1)</script>`,
        lastName: 'שלום 🎉',
        emails: [{ value: 'm@example.com' }],
      })
    ).json().id;
    const d = (await draft({ occasion: 'birthday' }, mallory)).json();
    expect(d.body).toContain(`Happy birthday, "'<script>alert(1)</script>!`);
    expect(d.links.mailto).not.toMatch(/[<>"\s]/);
    expect(decodeURIComponent(d.links.mailto.split('body=')[1])).toBe(d.body.replace(/\n/g, '\r\n'));
  });

  it('refuses bad input naming the field, and unknown or foreign ids', async () => {
    expect(fields(await draft({ occasion: 'wedding' }))).toContain('occasion');
    expect(fields(await draft({ occasion: 'birthday', channel: 'pigeon' }))).toContain('channel');
    expect(fields(await draft({ occasion: 'birthday', resourceId: 'nope' }))).toEqual(['resourceId']);
    expect((await draft({ occasion: 'birthday' }, 'nope')).statusCode).toBe(404);
    const eve = await signUp(t.app, 'eve@example.com', 'Eve');
    const eveDraft = await eve.call('POST', `/api/v1/contacts/${grace}/drafts`, { occasion: 'birthday' });
    expect(eveDraft.statusCode).toBe(404);
    expect(eveDraft.body).not.toContain('Grace');
    const lint = await eve.call('POST', '/api/v1/drafts/lint', {
      body: 'Hi',
      channel: 'email',
      contactId: grace,
    });
    expect(fields(lint)).toEqual(['contactId']);
  });

  it('lints any text, with the contact giving the anchors', async () => {
    const lint = (body: object) => ada.call('POST', '/api/v1/drafts/lint', body);
    const empty = await lint({ body: 'Hi Grace, just checking in!', channel: 'email' });
    expect(empty.statusCode).toBe(200);
    expect(codes(empty.json().issues)).toContain('empty_opener');
    const body = 'Hi Grace, how is the sailing season shaping up on your side of the bay this spring?';
    expect(codes((await lint({ body, channel: 'text' })).json().issues)).toContain('no_reason');
    expect(codes((await lint({ body, channel: 'text', contactId: grace })).json().issues)).not.toContain(
      'no_reason',
    );
    expect(fields(await lint({ body: '', channel: 'email' }))).toContain('body');
    expect(fields(await lint({ body: 'x', channel: 'fax' }))).toContain('channel');
    expect(fields(await lint({ body: 'x', channel: 'email', contactId: 'nope' }))).toEqual(['contactId']);
  });
});
