import { describe, expect, it } from 'vitest';
import { parseMultistatus } from './carddav-client';

describe('a multistatus from a CardDAV server', () => {
  it('reads hrefs, statuses and the properties found (2xx propstats only)', () => {
    const xml = `<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav">
  <d:response><d:href>/ada/book/g.vcf</d:href>
    <d:propstat><d:prop><d:getetag>"e1"</d:getetag><c:address-data>BEGIN:VCARD&#13;
FN:Grace &amp; Co&#13;
END:VCARD</c:address-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
    <d:propstat><d:prop><d:displayname/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
  </d:response>
  <d:response><d:href>/ada/book/gone.vcf</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>
</d:multistatus>`;
    const [found, gone] = parseMultistatus(xml);
    expect(found).toMatchObject({ href: '/ada/book/g.vcf', status: 200 });
    expect(found?.props.getetag).toBe('"e1"');
    expect(found?.props).not.toHaveProperty('displayname');
    expect(gone).toMatchObject({ href: '/ada/book/gone.vcf', status: 404 });
  });

  it('expands no entity a hostile server declares', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<d:multistatus xmlns:d="DAV:"><d:response><d:href>&x;</d:href></d:response></d:multistatus>`;
    let hrefs: string[] = [];
    try {
      hrefs = parseMultistatus(xml).map((r) => r.href);
    } catch (error) {
      expect(String(error)).toMatch(/not XML|multistatus/);
    }
    expect(hrefs.join()).not.toContain('root:');
  });

  it('says so when the answer is not a multistatus', () => {
    expect(() => parseMultistatus('<html><body>login</body></html>')).toThrow(/multistatus/);
  });
});
