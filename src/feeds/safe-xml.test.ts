import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutDoctype } from './safe-xml.js';

const BODY = '<rss version="2.0"><channel><title>T &amp; U</title></channel></rss>';

test('a feed without a DOCTYPE is returned as it is', () => {
  const xml = `<?xml version="1.0"?>\n${BODY}`;
  assert.deepEqual(withoutDoctype(xml), { xml, doctypes: 0, declaredEntities: false });
});

test('DOCTYPEs are cut: external DTD, internal subset with entities, any case, several', () => {
  const cases: Array<[string, boolean]> = [
    ['<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">', false],
    ['<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>', true],
    ['<!doctype rss [<!ENTITY a "x>y]z"> <!-- a comment with > and ] and \' --> <?pi with ]> inside?> <!ENTITY b \'q"]>\'>]>', true],
    ['<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>', true],
  ];
  for (const [doctype, entities] of cases) {
    const result = withoutDoctype(`<?xml version="1.0"?>\n${doctype}\n${BODY}`);
    assert.deepEqual(result, { xml: `<?xml version="1.0"?>\n\n${BODY}`, doctypes: 1, declaredEntities: entities }, doctype);
  }
  // A second declaration hidden after the root element is cut too.
  const twice = withoutDoctype(`<!DOCTYPE a><rss><!DOCTYPE b [<!ENTITY x SYSTEM "http://127.0.0.1/">]><channel/></rss>`);
  assert.deepEqual(twice, { xml: '<rss><channel/></rss>', doctypes: 2, declaredEntities: true });
});

test('the letters of a DOCTYPE inside CDATA or a comment are text, left alone', () => {
  const xml = '<rss><channel><item><description><![CDATA[<!DOCTYPE html><p>page</p>]]></description><!-- <!DOCTYPE x [ --></item></channel></rss>';
  assert.deepEqual(withoutDoctype(xml), { xml, doctypes: 0, declaredEntities: false });
});

test('a DOCTYPE that never ends is refused rather than guessed at', () => {
  assert.equal(withoutDoctype('<!DOCTYPE rss [ <!ENTITY x SYSTEM "file:///etc/passwd"> <rss></rss>'), null);
  assert.equal(withoutDoctype('<!DOCTYPE rss [ <!ENTITY x "unclosed> ]> <rss></rss>'), null);
});
