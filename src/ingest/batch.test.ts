import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepError } from '../errors.js';
import { parseBatchLine } from './batch.js';

test('a batch line becomes an article with its metadata', () => {
  const item = parseBatchLine(
    JSON.stringify({ id: 42, url: 'https://example.org/a', title: 'Clashes', published: '2024-03-02T10:00:00Z', source: 'Wire', text: 'Gunmen attacked a village.' }),
    'batch.jsonl line 1',
  );
  assert.equal(item.article.text, 'Gunmen attacked a village.');
  assert.deepEqual([item.externalId, item.url, item.title, item.published, item.source], ['42', 'https://example.org/a', 'Clashes', '2024-03-02', 'Wire']);
});

test('HTML in a batch line is reduced to its article text', () => {
  const html = '<html><head><title>T</title></head><body><article><p>Police dispersed protesters in the capital on Friday with tear gas.</p></article></body></html>';
  const item = parseBatchLine(JSON.stringify({ html }), 'b line 2');
  assert.match(item.article.text, /Police dispersed protesters/);
  assert.doesNotMatch(item.article.text, /<p>/);
});

test('a line that is not a document is one clear error naming the line', () => {
  const cases: Array<[string, RegExp]> = [
    ['{"title": "no text"}', /b line 3: needs "text" or "html"/],
    ['{"text": 5}', /b line 3: "text": /],
    ['{"text": "x", "published": "yesterday"}', /b line 3: "published": a date YYYY-MM-DD/],
    ['{not json', /b line 3: not JSON/],
    ['[1, 2]', /b line 3: /],
  ];
  for (const [line, message] of cases) {
    assert.throws(() => parseBatchLine(line, 'b line 3'), (e: unknown) => e instanceof SitrepError && e.code === 'E_BAD_BATCH' && message.test(e.message), line);
  }
});
