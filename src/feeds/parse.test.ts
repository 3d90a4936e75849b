import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startTestServer } from '../../test/support/http-server.js';
import { encodeSingleByte } from '../../test/support/legacy-encoding.js';
import { FeedError, parseFeedBytes, type FeedFailure } from './index.js';

const FEED_URL = 'https://news.example/world/feed.xml';
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

function failsWith(run: () => unknown, failure: FeedFailure, says: RegExp): void {
  let caught: unknown = null;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof FeedError, `expected a FeedError, got ${String(caught)}`);
  assert.equal(caught.failure, failure, caught.message);
  assert.match(caught.toLine(), says);
  assert.ok(!caught.toLine().includes('\n'), 'one line');
}

test('RSS 2.0: guid as the key, links absolute, the day as the feed writes it, content:encoded', () => {
  const rss = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title> World news </title><link>https://news.example/</link>
<item><guid isPermaLink="false">urn:news:1</guid><title>Shelling in the north</title><link>/world/shelling</link>
<pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate><description>Shelling hit the town.</description><content:encoded><![CDATA[<p>Full text.</p>]]></content:encoded></item>
<item><title>No guid</title><link>https://news.example/world/no-guid</link><pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate></item>
<item><title>Neither guid nor link</title><description>orphan</description></item>
</channel></rss>`;
  const feed = parseFeedBytes(bytes(rss), FEED_URL);
  assert.equal(feed.title, 'World news');
  assert.equal(feed.skipped, 1);
  assert.deepEqual(feed.warnings, []);
  assert.deepEqual(feed.items, [
    { key: 'urn:news:1', url: 'https://news.example/world/shelling', title: 'Shelling in the north', published: '2024-03-05', summary: 'Shelling hit the town.', content: '<p>Full text.</p>' },
    { key: 'https://news.example/world/no-guid', url: 'https://news.example/world/no-guid', title: 'No guid', published: '2024-03-04', summary: null, content: null },
  ]);
});

test('Atom: id as the key, relative links against the final URL after redirects, published over updated', () => {
  const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Monitor</title>
<entry><id>tag:monitor.example,2024:7</id><title type="html">Clashes &amp;amp; curfew</title><link rel="alternate" href="stories/7"/>
<published>2024-03-01T23:10:00+03:00</published><updated>2024-03-02T10:00:00Z</updated><summary>Short.</summary><content type="html">&lt;p&gt;Long.&lt;/p&gt;</content></entry>
</feed>`;
  const feed = parseFeedBytes(bytes(atom), FEED_URL, 'application/atom+xml', 'https://monitor.example/feeds/atom.xml');
  assert.deepEqual(feed.items, [
    { key: 'tag:monitor.example,2024:7', url: 'https://monitor.example/feeds/stories/7', title: 'Clashes & curfew', published: '2024-03-01', summary: 'Short.', content: '<p>Long.</p>' },
  ]);
});

test('the charset of the XML declaration (windows-1256) or of the HTTP header is honoured', () => {
  const title = 'قصف على ريف حلب';
  const xml = Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>x</title><item><title>', 'latin1'),
    encodeSingleByte(title, 'windows-1256'),
    Buffer.from('</title><link>https://news.example/ar/1</link></item></channel></rss>', 'latin1'),
  ]);
  assert.equal(parseFeedBytes(xml, FEED_URL).items[0]!.title, title);
  const undeclared = Buffer.concat([Buffer.from('<rss version="2.0"><channel><item><title>', 'latin1'), encodeSingleByte(title, 'windows-1256'), Buffer.from('</title><link>https://a.example/1</link></item></channel></rss>', 'latin1')]);
  assert.equal(parseFeedBytes(undeclared, FEED_URL, 'text/xml; charset=windows-1256').items[0]!.title, title);
});

test('XXE: a file entity and an http entity are never resolved; the server is never asked', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-xxe-'));
  const secretPath = join(dir, 'secret.txt');
  writeFileSync(secretPath, 'TOP-SECRET-MARKER');
  const server = await startTestServer({ '/entity': (_req, res) => res.end('REMOTE-ENTITY-MARKER') });
  after(() => server.close());
  const xml = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY file SYSTEM "${pathToFileURL(secretPath).href}">
  <!ENTITY remote SYSTEM "${server.url('/entity')}">
  <!ENTITY % param SYSTEM "${server.url('/entity')}"> %param;
]>
<rss version="2.0"><channel><title>Feed &file;</title>
<item><title>Report &remote;</title><link>https://news.example/1</link><description>&file; and &remote;</description></item></channel></rss>`;
  const feed = parseFeedBytes(bytes(xml), FEED_URL);
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(server.requests.length, 0, 'no request for the http entity');
  const everything = JSON.stringify(feed);
  assert.ok(!everything.includes('TOP-SECRET-MARKER') && !everything.includes('REMOTE-ENTITY-MARKER'), everything);
  assert.equal(feed.items.length, 1);
  assert.equal(feed.items[0]!.url, 'https://news.example/1');
  assert.match(feed.items[0]!.title!, /^Report &remote;$/, 'the reference stays literal text');
  assert.deepEqual(feed.warnings, [`${FEED_URL}: the feed declares XML entities; they were not expanded (its DOCTYPE is ignored)`]);
});

test('nested entities ("billion laughs") are not expanded', () => {
  const lol = ['<!ENTITY lol0 "lollollollollollollollollollol">'];
  for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  const xml = `<?xml version="1.0"?><!DOCTYPE rss [${lol.join('')}]><rss version="2.0"><channel><title>&lol9;</title><item><title>x</title><link>https://a.example/1</link></item></channel></rss>`;
  const feed = parseFeedBytes(bytes(xml), FEED_URL);
  assert.equal(feed.title, '&lol9;');
});

test('malformed XML: read leniently with a warning when items survive, refused when none do', () => {
  const mismatched = '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>One</titel><link>https://a.example/1</link></item></channel></rss>';
  const lenient = parseFeedBytes(bytes(mismatched), FEED_URL);
  assert.deepEqual(lenient.items.map((i) => i.url), ['https://a.example/1']);
  assert.match(lenient.warnings[0]!, /feed\.xml: malformed XML at line 1, column \d+: Expected closing tag 'title' .*; read leniently \(1 items\)$/);
  const garbage = '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Broken & bad</title>\n<item><<<>>></channel>';
  failsWith(() => parseFeedBytes(bytes(garbage), FEED_URL), 'malformed-xml', /^https:\/\/news\.example\/world\/feed\.xml: malformed XML at line \d+, column \d+: /);
  failsWith(() => parseFeedBytes(bytes('<!DOCTYPE rss [ <!ENTITY x "y"> <rss/>'), FEED_URL), 'malformed-xml', /a DOCTYPE declaration that never ends/);
});

test('what is no feed is refused with what it starts with', () => {
  failsWith(() => parseFeedBytes(bytes('<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad gateway</h1></body></html>'), FEED_URL), 'not-a-feed', /not an RSS or Atom feed \(it starts "<html><head><title>502 Bad Gateway/);
  failsWith(() => parseFeedBytes(bytes('{"items": []}'), FEED_URL), 'not-a-feed', /it starts "\{"items": \[\]\}"/);
  failsWith(() => parseFeedBytes(bytes(''), FEED_URL), 'not-a-feed', /empty, not an RSS or Atom feed/);
  failsWith(() => parseFeedBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]), FEED_URL), 'not-a-feed', /binary content/);
});

test('an empty but well-formed feed has no items and no warning', () => {
  const feed = parseFeedBytes(bytes('<rss version="2.0"><channel><title>Quiet</title></channel></rss>'), FEED_URL);
  assert.deepEqual([feed.title, feed.items, feed.warnings], ['Quiet', [], []]);
});
