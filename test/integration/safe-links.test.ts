import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';
import { upload } from './imports-helpers';

describe.each(dialects)('only http, https, mailto and tel links are stored on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  it('refuses javascript: and data: links on contacts, naming the field', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd']) {
      const res = await ada.call('POST', '/api/v1/contacts', {
        firstName: 'Mallory',
        links: [
          { kind: 'website', url: 'https://ok.example' },
          { kind: 'other', url },
        ],
      });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors[0].field).toBe('links.1.url');
    }
    const ok = await ada.call('POST', '/api/v1/contacts', {
      firstName: 'Grace',
      links: [{ kind: 'website', url: 'https://grace.example' }],
    });
    expect(ok.statusCode).toBe(201);
  });

  it('drops unsafe links from an imported vCard and never exports them', async () => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Eve Example',
      'N:Example;Eve;;;',
      'URL:javascript:alert(1)',
      'URL:https://eve.example',
      'END:VCARD',
      '',
    ].join('\r\n');
    const run = await upload(t.app, ada, vcf, { type: 'text/vcard', fileName: 'eve.vcf' });
    expect(run.statusCode, run.body).toBe(201);
    expect((await ada.call('POST', `/api/v1/imports/${run.json().id}/commit`)).statusCode).toBe(200);
    const [eve] = (await ada.call('GET', '/api/v1/contacts')).json().items;
    const detail = (await ada.call('GET', `/api/v1/contacts/${eve.id}`)).json();
    expect(detail.links.map((l: { url: string }) => l.url)).toEqual(['https://eve.example']);
    for (const url of ['/api/v1/export/contacts.vcf', '/api/v1/export/contacts.csv']) {
      expect((await ada.call('GET', url)).body, url).not.toContain('javascript:');
    }
  });
});
