/**
 * An article wrapped in a realistic news page (test/pages) gives the same events, with the same
 * evidence text, as its plain text: Readability drops the page chrome, the clean stage marks the
 * promo and a caption that Readability keeps, and the page's metadata (date, title, author,
 * canonical URL) becomes the document's, while a wire credit still names the source and
 * --published / --source still win. Run for our own article everywhere, and for the shared
 * Daraa example where ../shared is present (read at run time, never committed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExtractor } from '../src/extract.js';
import { bytesToArticle, textToArticle } from '../src/ingest/index.js';
import type { EventRecord, Extraction } from '../src/types.js';
import { articleParts, newsPage, type PageFacts } from './support/news-page.js';

const extractor = createExtractor();
const bin = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
// SITREP_SHARED points at the shared folder from a checkout elsewhere (a worktree).
const sharedDir = process.env.SITREP_SHARED ?? fileURLToPath(new URL('../../shared', import.meta.url));
const daraaPath = join(sharedDir, 'examples', 'daraa-2018-07-31.txt');
const daraaPresent = existsSync(daraaPath);
if (!daraaPresent) console.warn(`SKIPPED: the Daraa page test needs ${daraaPath}, which is absent on this machine`);

/** Text that belongs to the page around the article, never to the article. */
const CHROME = ['Skip to content', 'Politics', 'Share on Facebook', 'Tweet', 'Breaking:', 'Related stories', 'Ceasefire talks stall',
  'Terrible news', 'reader_one', 'Most read', 'morning briefing', 'All rights reserved', 'Privacy policy', 'Tags:', 'Comments (38)'];

/** A record as the comparison sees it: everything but the id and the evidence offsets. */
function comparable(record: EventRecord): unknown {
  const { id: _id, evidence, ...rest } = record;
  return { ...rest, evidence: evidence.map((e) => e.text) };
}

function checkEvidence(extraction: Extraction, forbidden: string[]): void {
  for (const record of extraction.records) {
    for (const ev of record.evidence) {
      assert.equal(extraction.doc.text.slice(ev.start, ev.end), ev.text);
      for (const part of forbidden) assert.ok(!ev.text.includes(part), `evidence "${ev.text}" should not contain "${part}"`);
    }
  }
}

function samePageAsText(plainText: string, facts: PageFacts, name: string): void {
  const parts = articleParts(plainText);
  const plain = extractor.extractArticle(textToArticle(plainText), { name, published: facts.published });
  assert.ok(plain.records.length > 0, 'the plain text has events');
  for (const captionAs of ['figcaption', 'paragraph'] as const) {
    const html = newsPage(parts, { ...facts, captionAs });
    const article = bytesToArticle(Buffer.from(html), `${name}.html`);
    for (const chrome of CHROME) assert.ok(!article.text.includes(chrome), `${captionAs}: page text should drop "${chrome}"`);
    // No --published: the page's own metadata dates it.
    const page = extractor.extractArticle(article, { name: `${name}.html` });
    const { meta } = page.doc;
    assert.equal(meta.published, facts.published);
    assert.equal(meta.publishedFrom, 'html-meta');
    assert.equal(meta.title, parts.headline);
    assert.equal(meta.author, facts.author);
    assert.equal(meta.url, facts.canonical);
    // The wire credit in the text names the source, as in the plain text, not the site.
    assert.equal(meta.source, plain.doc.meta.source);
    assert.deepEqual(page.records.map(comparable), plain.records.map(comparable), `${captionAs}: same events, same evidence text`);
    checkEvidence(page, [parts.promo, parts.caption.slice(0, 40), parts.commentsNote]);
    // The promo (and the caption printed as a paragraph) reach the text and are marked, not lost.
    const marked = (snippet: string): boolean =>
      page.doc.skip.some((region) => page.doc.text.slice(region.start, region.end).includes(snippet));
    assert.ok(marked(parts.promo), `${captionAs}: promo marked by the clean stage`);
    if (captionAs === 'paragraph') assert.ok(marked(parts.caption), 'caption paragraph marked by the clean stage');
  }
}

const ANAD: PageFacts = { site: 'Harbor Courier', published: '2019-01-10', author: 'Nadia Rahman', canonical: 'https://courier.example/world/2019/01/10/anad-drone' };

test('our own article: the news page gives the events and evidence of the plain text', () => {
  const text = readFileSync(new URL('./pages/anad-parade.txt', import.meta.url), 'utf8');
  samePageAsText(text, ANAD, 'anad');
  const { records } = extractor.extractArticle(textToArticle(text), { published: ANAD.published });
  const strike = records.find((r) => r.sub_event_type === 'Air/drone strike');
  assert.ok(strike, 'the drone strike is found');
  assert.equal(strike.event_date, '2019-01-10');
  assert.equal(strike.fatalities, 6);
  assert.equal(strike.country, 'Yemen');
});

test('--published and --source on the command line win over the page metadata', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-page-'));
  try {
    const text = readFileSync(new URL('./pages/anad-parade.txt', import.meta.url), 'utf8');
    const path = join(dir, 'anad.html');
    writeFileSync(path, newsPage(articleParts(text), ANAD));
    const run = (args: string[]): EventRecord[] => {
      const r = spawnSync(process.execPath, [bin, 'extract', path, '--json', ...args], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout.trim().split('\n').map((line) => JSON.parse(line) as EventRecord);
    };
    const fromPage = run([]);
    assert.ok(fromPage.some((r) => r.event_date === '2019-01-10' && r.sub_event_type === 'Air/drone strike'));
    assert.ok(fromPage.every((r) => r.source === 'AP' || r.source === 'Associated Press'), fromPage.map((r) => r.source).join());
    // A Saturday: "on Thursday" is then 3 January, not the page's 10 January.
    const overridden = run(['--published', '2019-01-05', '--source', 'Test Desk']);
    assert.ok(overridden.some((r) => r.event_date === '2019-01-03' && r.sub_event_type === 'Air/drone strike'), '"Thursday" resolved against --published');
    assert.ok(overridden.every((r) => r.source === 'Test Desk'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Daraa example wrapped in a news page: same events and evidence as the plain text', { skip: !daraaPresent && 'shared example absent' }, () => {
  const facts: PageFacts = { site: 'Frontline Daily', published: '2018-07-31', author: 'Staff writer', canonical: 'https://frontline.example/middle-east/2018/07/31/daraa' };
  samePageAsText(readFileSync(daraaPath, 'utf8'), facts, 'daraa');
});
