import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fullContent, FULL_TEXT_MIN_CHARS } from './index.js';
import { htmlTextLength } from './full-content.js';

const paragraph = 'Militants attacked an army post near the border on Monday, killing four soldiers, officials said. ';
const article = (chars: number): string => `<p>${paragraph.repeat(Math.ceil(chars / paragraph.length)).slice(0, chars)}</p>`;

test('text length: tags, scripts and styles out, entities one character, spaces collapsed', () => {
  assert.equal(htmlTextLength('<p>A &amp; B</p>\n\n<p>  C<br/>D </p><script>var x = "<p>long</p>";</script><style>p{}</style>'), 'A _ B C D'.length);
});

test('the feed carries the article when content or summary has 1,500 characters of text', () => {
  const teaser = '<p>Militants attacked an army post near the border.</p>';
  assert.equal(fullContent({ summary: teaser, content: article(FULL_TEXT_MIN_CHARS) }), article(FULL_TEXT_MIN_CHARS));
  assert.equal(fullContent({ summary: teaser, content: article(FULL_TEXT_MIN_CHARS - 1) }), null, 'one character short');
  assert.equal(fullContent({ summary: teaser, content: null }), null, 'only a teaser');
  assert.equal(fullContent({ summary: null, content: null }), null);
  // Some feeds put the whole article in the description.
  assert.equal(fullContent({ summary: article(3000), content: null }), article(3000));
  // The longer of the two wins.
  assert.equal(fullContent({ summary: article(2000), content: article(4000) }), article(4000));
  // Markup does not count: 2,000 characters of tags around a teaser are still a teaser.
  assert.equal(fullContent({ summary: null, content: `<div class="${'x'.repeat(2000)}">${teaser}</div>` }), null);
});
