import { describe, expect, it } from 'vitest';
import { BadXml, CARDDAV, child, DAV, escapeXml, parseXml } from './xml';

describe('parseXml', () => {
  it('resolves namespaces by URI, not by prefix (RFC 4918 §17)', () => {
    const a = parseXml(
      '<D:propfind xmlns:D="DAV:"><D:prop><C:address-data xmlns:C="urn:ietf:params:xml:ns:carddav"/></D:prop></D:propfind>',
    );
    const b = parseXml(
      '<propfind xmlns="DAV:"><prop><x:address-data xmlns:x="urn:ietf:params:xml:ns:carddav"/></prop></propfind>',
    );
    for (const root of [a, b]) {
      expect([root.ns, root.name]).toEqual([DAV, 'propfind']);
      expect(child(child(root, DAV, 'prop'), CARDDAV, 'address-data')).toBeDefined();
    }
  });

  it('decodes the predefined entities and character references, and nothing else', () => {
    const el = parseXml('<a xmlns="DAV:">x &amp; &lt;y&gt; &#65;&#x42; &unknown;</a>');
    expect(el.text).toBe('x & <y> AB &unknown;');
  });

  it.each([
    ['<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>', /DOCTYPE/],
    ['<a><!ENTITY e "x"></a>', /entity/],
    ['<a><b></a>', /malformed/],
    ['<x:a/>', /undeclared namespace prefix 'x'/],
    ['', /malformed|no root/],
    [`${'<a>'.repeat(40)}${'</a>'.repeat(40)}`, /deeper than 32/],
  ])('refuses %s', (body, message) => {
    expect(() => parseXml(body)).toThrow(BadXml);
    expect(() => parseXml(body)).toThrow(message);
  });

  it('refuses a body over 512 KB before parsing it', () => {
    expect(() => parseXml(`<a>${'x'.repeat(600_000)}</a>`)).toThrow(/over/);
  });
});

describe('escapeXml', () => {
  it('escapes markup and CR so CRLF survives an XML parser', () => {
    expect(escapeXml('<a href="x">&\'\r\n')).toBe('&#60;a href=&#34;x&#34;&#62;&#38;&#39;&#13;\n');
  });
});
