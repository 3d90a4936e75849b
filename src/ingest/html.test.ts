import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { htmlToArticle, looksLikeHtml, textToArticle, toIsoDate } from './index.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

test('looksLikeHtml: doctype, <html>, document tags or dense tags', () => {
  const cases: Array<[string, boolean]> = [
    ['<!DOCTYPE html><html><body><p>x</p></body></html>', true],
    ['  \n<html lang="en"><p>Hi</p></html>', true],
    ['<?xml version="1.0"?>\n<!DOCTYPE html><html></html>', true],
    ['<!-- saved page -->\n<html>', true],
    ['<body><p>Some text</p></body>', true],
    ['<p>One.</p><p>Two.</p><p>Three.</p><div>Four</div><br>', true],
    // Negative cases: prose that happens to contain angle brackets.
    ['BEIRUT (AFP) — Casualties were < 10, a monitor said.', false],
    ['He wrote <3 and left. Temperatures > 40C.', false],
    ['The <p> tag was mentioned once in this article about web pages.', false],
    ['', false],
  ];
  for (const [text, expected] of cases) assert.equal(looksLikeHtml(text), expected, text);
});

test('news page: chrome removed, headline first, paragraphs split by blank lines', () => {
  const { text, meta } = htmlToArticle(fixture('news-page.html'));
  const paragraphs = text.split('\n\n');
  assert.equal(paragraphs[0], 'Rebels seize border crossing after two days of fighting');
  assert.ok(paragraphs.includes('At least 14 soldiers and nine rebels were killed in the clashes around the crossing, which handles most of the region’s trade, according to the official, who spoke on condition of anonymity.'));
  assert.ok(paragraphs.includes('The army said in a statement that it had “withdrawn to defensive positions” and would retake the post within days.'));
  // The in-body promo survives Readability as its own paragraph, for the clean stage to mark.
  assert.ok(paragraphs.includes('JOIN THE POST. Takes 2 seconds.'));
  const gone = ['Home', 'Sport', 'Share on Facebook', 'Tweet', 'Please let us know', 'Great article', 'Most read', 'Privacy', 'All rights reserved', '(Photo: Staff'];
  for (const chrome of gone) assert.ok(!text.includes(chrome), `should drop "${chrome}"`);
  assert.ok(!/\n{3,}/.test(text) && !/[ \t]\n|\n[ \t]/.test(text), 'no stray blank lines or edge spaces');
  assert.deepEqual(meta, {
    title: 'Rebels seize border crossing after two days of fighting',
    published: '2021-03-14',
    publishedFrom: 'html-meta',
    source: 'The Frontier Post',
    sourceFrom: 'html-meta',
    url: 'https://frontier.example/world/rebels-seize-crossing',
  });
});

test('wire page: JSON-LD @graph date and url, application-name source, no duplicate headline', () => {
  const { text, meta } = htmlToArticle(fixture('wire-page.html'), 'https://ledger.example/x');
  const paragraphs = text.split('\n\n');
  assert.equal(paragraphs[0], 'Car bomb kills 12 at market in northern town');
  assert.equal(paragraphs.filter((p) => p.startsWith('Car bomb kills 12')).length, 1);
  assert.ok(paragraphs[1]!.startsWith('(AFP) A car bomb exploded at a crowded market'));
  assert.ok(!text.includes('Get the Daily Ledger in your inbox'));
  assert.ok(!text.includes('Copyright 2019'));
  assert.equal(meta.published, '2019-11-02');
  assert.equal(meta.source, 'Daily Ledger');
  assert.equal(meta.url, 'https://ledger.example/2019/11/02/car-bomb');
});

test('publication date sources, in order of trust', () => {
  const page = (head: string, body = ''): string =>
    `<!doctype html><html><head><title>T</title>${head}</head><body>${body}<p>${'Words of the article. '.repeat(40)}</p></body></html>`;
  const cases: Array<[string, string | null]> = [
    [page('<meta property="article:published_time" content="2018-07-31T10:00:00+03:00">'), '2018-07-31'],
    [page('<meta property="og:published_time" content="2018-07-30">'), '2018-07-30'],
    [page('<script type="application/ld+json">[{"@type":["NewsArticle"],"datePublished":"2020-02-29T23:00:00-05:00"}]</script>'), '2020-02-29'],
    [page('<meta name="pubdate" content="20170105">'), '2017-01-05'],
    [page('<meta name="date" content="Tue, 31 Jul 2018 08:00:00 GMT">'), '2018-07-31'],
    [page('', '<time datetime="2016-09-27T18:00:00Z">Sept 27</time>'), '2016-09-27'],
    [page('', '<time itemprop="datePublished" datetime="2016-09-26">x</time>'), '2016-09-26'],
    // Negative cases: no date, or values that are not dates.
    [page(''), null],
    [page('<meta property="article:published_time" content="yesterday">'), null],
    [page('<meta property="article:published_time" content="2018-02-30">'), null],
  ];
  for (const [html, expected] of cases) {
    const { meta } = htmlToArticle(html);
    assert.equal(meta.published ?? null, expected, html.slice(30, 140));
    assert.equal(meta.publishedFrom, expected ? 'html-meta' : undefined);
  }
});

test('author from JSON-LD, meta tags or the visible byline; a URL or handle is no name', () => {
  const page = (head: string, body = ''): string =>
    `<!doctype html><html><head><title>T</title>${head}</head><body><article>${body}<p>${'Words of the article. '.repeat(40)}</p></article></body></html>`;
  const cases: Array<[string, string | null]> = [
    [page('<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Amina Yusuf"},{"@type":"Person","name":"Tom Berg"}]}</script>'), 'Amina Yusuf, Tom Berg'],
    [page('<script type="application/ld+json">{"@type":"ReportageNews","author":"By Lena Ortiz"}</script><meta name="author" content="Someone Else">'), 'Lena Ortiz'],
    [page('<meta name="author" content="Karim Haddad and Sara Lind">'), 'Karim Haddad, Sara Lind'],
    [page('<meta property="article:author" content="https://social.example/karim">'), null],
    [page('<meta name="twitter:creator" content="@karimh">'), null],
    [page('', '<p class="byline">By <a rel="author" href="/a/jo">Jo Mwangi</a></p>'), 'Jo Mwangi'],
    [page(''), null],
  ];
  for (const [html, expected] of cases) assert.equal(htmlToArticle(html).meta.author ?? null, expected, html.slice(30, 200));
  // The visible byline is metadata, not article text.
  assert.ok(!htmlToArticle(cases[5]![0]).text.includes('Jo Mwangi'));
});

test('toIsoDate keeps the day as written', () => {
  const cases: Array<[string, string | null]> = [
    ['2022-04-08T21:47:00+03:00', '2022-04-08'],
    ['2022/04/08', '2022-04-08'],
    ['8 April 2022', '2022-04-08'],
    ['April 8, 2022 9:47 PM', '2022-04-08'],
    ['Sept. 27, 2016', '2016-09-27'],
    ['', null],
    ['April 2022', null],
    ['1700-01-01', null],
  ];
  for (const [value, expected] of cases) assert.equal(toIsoDate(value), expected, value);
});

test('HTML fragment without a page around it still yields its paragraphs', () => {
  const { text } = htmlToArticle('<p>Fighting broke out in the capital on Monday.</p><p>Two people&nbsp;were killed, police said.</p>');
  assert.equal(text, 'Fighting broke out in the capital on Monday.\n\nTwo people were killed, police said.');
});

test('textToArticle is identity plus normalisation', () => {
  const cases: Array<[string, string]> = [
    ['Plain text.', 'Plain text.'],
    ['\ufeffA\r\nB\rC\u2028D', 'A\nB\nC\nD'],
    ['  leading and trailing spaces are kept  ', '  leading and trailing spaces are kept  '],
    ['', ''],
  ];
  for (const [input, expected] of cases) assert.deepEqual(textToArticle(input), { text: expected, meta: {}, warnings: [] });
});
