import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepError } from '../errors.js';
import { normaliseFeedUrl, parseFeedsFile } from './index.js';

test('FEEDS.yaml: url, name and interval per feed, a default interval, bare URLs', () => {
  const text = [
    'interval: 30m',
    'feeds:',
    '  - url: https://News.example/world/rss.xml#top',
    '    name: Harbor Courier',
    '    interval: 10m',
    '  - https://wire.example/atom.xml',
    '  - url: http://monitor.example/feed',
    '',
  ].join('\n');
  assert.deepEqual(parseFeedsFile(text, 'feeds.yaml'), [
    { url: 'https://news.example/world/rss.xml', name: 'Harbor Courier', intervalSeconds: 600 },
    { url: 'https://wire.example/atom.xml', name: null, intervalSeconds: 1800 },
    { url: 'http://monitor.example/feed', name: null, intervalSeconds: 1800 },
  ]);
  // A plain list of feeds, with the default of 15 minutes.
  assert.deepEqual(parseFeedsFile('- https://a.example/feed\n', 'f.yaml'), [{ url: 'https://a.example/feed', name: null, intervalSeconds: 900 }]);
});

test('FEEDS.yaml mistakes: one line naming the file and the line', () => {
  const cases: Array<[string, RegExp]> = [
    ['feeds:\n  - url: https://a.example/feed\n    intreval: 5m\n', /^feeds\.yaml:3: unknown key "intreval" \(a feed has url, name, interval\)$/],
    ['feeds:\n  - url: ftp://a.example/feed\n', /^feeds\.yaml:2: "ftp:\/\/a\.example\/feed" is not an http:\/\/ or https:\/\/ URL$/],
    ['feeds:\n  - url: https://a.example/feed\n    interval: soon\n', /^feeds\.yaml:3: interval "soon" is not a duration \(write it like 30s, 15m, 1h or 1h30m\)$/],
    ['feeds:\n  - name: no url\n', /^feeds\.yaml:2: a feed needs a url$/],
    ['feeds:\n  - https://a.example/feed\n  - https://a.example/feed#again\n', /^feeds\.yaml:3: https:\/\/a\.example\/feed is listed twice$/],
    ['feed:\n  - https://a.example/feed\n', /^feeds\.yaml:1: unknown key "feed" \(expected feeds, interval\)$/],
    ['feeds: https://a.example/feed\n', /^feeds\.yaml:1: expected a list of feeds/],
    ['feeds:\n  - [unclosed\n', /^feeds\.yaml:\d+: /],
    ['', /^feeds\.yaml: expected a list of feeds/],
  ];
  for (const [text, message] of cases) {
    assert.throws(() => parseFeedsFile(text, 'feeds.yaml'), (error: unknown) => {
      assert.ok(error instanceof SitrepError);
      assert.equal(error.code, 'E_BAD_ARGUMENT');
      assert.ok(!error.toLine().includes('\n'), 'one line');
      assert.match(error.toLine(), message);
      return true;
    }, text);
  }
});

test('feed URLs: normalised, and only http(s)', () => {
  assert.equal(normaliseFeedUrl(' HTTPS://News.Example/rss.xml#frag '), 'https://news.example/rss.xml');
  assert.equal(normaliseFeedUrl('http://news.example'), 'http://news.example/');
  assert.throws(() => normaliseFeedUrl('news.example/rss'), /"news\.example\/rss" is not a URL/);
  assert.throws(() => normaliseFeedUrl('file:///etc/passwd'), /not an http:\/\/ or https:\/\/ URL/);
});
