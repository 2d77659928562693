import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';
import { upload } from './imports-helpers';

const VOBJECT = new URL('../helpers/vobject-read.py', import.meta.url).pathname;

interface VobjectCard {
  uid: string | null;
  fn: string;
  family: string | null;
  given: string | null;
  emails: string[];
  tels: { value: string; types: string[] }[];
  org: string | null;
  title: string | null;
  note: string | null;
  bday: string | null;
  urls: string[];
  categories: string[];
}

/** Our export read by Debian's python3-vobject: a second vCard parser that owes us nothing. */
function vobjectRead(vcf: string): VobjectCard[] {
  return JSON.parse(execFileSync('/usr/bin/python3', [VOBJECT], { input: vcf, encoding: 'utf8' }));
}

describe.each(dialects)('export → import on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;
  const ids: string[] = [];

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
    ids.length = 0;
    // Seeded through an import, as the contacts were: the API itself refuses "#322*67".
    const seed = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Adeyemi;Ngozi;;;',
      'FN:Ngozi Adeyemi',
      'EMAIL;TYPE=work:ngozi@example.ng',
      // Short and odd numbers that libphonenumber cannot put in E.164 must still match themselves.
      'TEL;TYPE=work:800',
      'TEL;TYPE=cell:#322*67',
      'TEL;TYPE=work,fax:+234 1 000 0009',
      'ORG:Lagoon\\; Partners\\, Ltd',
      'TITLE:Director',
      'URL:https://www.linkedin.com/in/ngozi-adeyemi',
      'CATEGORIES:clients,lagos',
      'NOTE:Met at \\"Lagos Tech\\"\\nfollow up in May',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Visser;Bram;;;',
      'FN:Bram Visser',
      'TEL:+31 20 000 0001',
      'END:VCARD',
      '',
    ].join('\r\n');
    const run = (await upload(t.app, ada, seed, { fileName: 'seed.vcf', type: 'text/vcard' })).json();
    expect(run.counts).toMatchObject({ new: 2, warnings: 0 });
    await ada.call('POST', `/api/v1/imports/${run.id}/commit`, {});
    const list = (await ada.call('GET', '/api/v1/contacts?limit=10')).json().items as {
      id: string;
      displayName: string;
    }[];
    ids.push(list.find((c) => c.displayName === 'Ngozi Adeyemi')!.id);
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  it.each(['4.0', '3.0'])('re-importing our own vCard %s export changes nothing', async (version) => {
    const vcf = (await ada.call('GET', `/api/v1/export/contacts.vcf?version=${version}`)).body;
    expect(vcf).toContain('NOTE:Met at "Lagos Tech"\\nfollow up in May');
    expect(vcf).toMatch(/TEL;TYPE=fax,work:\+234 1 000 0009/);
    const run = (await upload(t.app, ada, vcf, { fileName: 'tend.vcf', type: 'text/vcard' })).json();
    expect(run.counts).toMatchObject({ new: 0, merge: 0, conflict: 0, error: 0, duplicate: 2, warnings: 0 });
    expect(run.sample.map((r: { match: { by: string } }) => r.match.by)).toEqual(['uid', 'uid']);
  });

  it('writes vCards that python3-vobject reads to the same fields', async () => {
    for (const version of ['4.0', '3.0']) {
      const vcf = (await ada.call('GET', `/api/v1/export/contacts.vcf?version=${version}`)).body;
      const cards = vobjectRead(vcf);
      expect(cards).toHaveLength(2);
      const ngozi = cards.find((c) => c.family === 'Adeyemi')!;
      expect(ngozi).toMatchObject({
        uid: ids[0],
        fn: 'Ngozi Adeyemi',
        given: 'Ngozi',
        emails: ['ngozi@example.ng'],
        org: 'Lagoon; Partners, Ltd',
        title: 'Director',
        note: 'Met at "Lagos Tech"\nfollow up in May',
        urls: ['https://www.linkedin.com/in/ngozi-adeyemi'],
        categories: ['clients', 'lagos'],
      });
      expect(ngozi.tels).toEqual([
        { value: '800', types: ['work'] },
        { value: '#322*67', types: ['cell'] },
        { value: '+234 1 000 0009', types: ['fax', 'work'] },
      ]);
      expect(cards.find((c) => c.family === 'Visser')).toMatchObject({ fn: 'Bram Visser', note: null });
    }
  });
});
