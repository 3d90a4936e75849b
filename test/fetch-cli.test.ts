/**
 * `sitrep fetch` as a user runs it, against a local server on 127.0.0.1: good pages are stored
 * with their events (gzip, Brotli, a redirect, an Arabic page in windows-1256); a slow server, a
 * 50 MB page, a redirect loop, a 404 and a PDF each get one line on stderr and a structured log
 * line, the run goes on, and the exit status says something failed.
 */
import { test, after } from 'node:test';
import { runCli } from './support/run-cli.js';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { answerLater, startTestServer, streamLargeBody } from './support/http-server.js';
import { encodeSingleByte } from './support/legacy-encoding.js';
import { articleParts, newsPage } from './support/news-page.js';

const MB = 1024 * 1024;
const ANAD_TEXT = readFileSync(new URL('./pages/anad-parade.txt', import.meta.url), 'utf8');
const ANAD_PAGE = newsPage(articleParts(ANAD_TEXT), { site: 'Harbor Courier', published: '2019-01-10', author: 'Nadia Rahman', canonical: 'https://courier.example/world/anad' });
// Our own sentence: "Artillery shelled a village in the southern Aleppo countryside on Tuesday, killing four civilians."
const ARABIC = 'قصفت المدفعية قرية في ريف حلب الجنوبي يوم الثلاثاء، ما أسفر عن مقتل أربعة مدنيين.';
const arabicPage = Buffer.concat([
  Buffer.from('<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><meta property="article:published_time" content="2024-02-13T08:00:00+03:00"><title>', 'latin1'),
  encodeSingleByte('قصف على ريف حلب', 'windows-1256'),
  Buffer.from('</title></head><body><article><p>', 'latin1'),
  encodeSingleByte(ARABIC, 'windows-1256'),
  Buffer.from('</p></article></body></html>', 'latin1'),
]);
const WIRE_PAGE = '<!doctype html><html><head><title>Protest in Nairobi</title><meta property="article:published_time" content="2024-06-25T12:00:00+03:00"></head>' +
  '<body><article><h1>Police fire tear gas at protesters in Nairobi</h1><p>NAIROBI, Kenya (Reuters) — Police fired tear gas at thousands of protesters who marched on parliament in Nairobi on Tuesday, witnesses said.</p></article></body></html>';

const server = await startTestServer({
  '/anad': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(gzipSync(ANAD_PAGE)),
  '/nairobi': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(brotliCompressSync(WIRE_PAGE)),
  '/old-nairobi': (_req, res) => res.writeHead(301, { location: '/nairobi' }).end(),
  '/arabic': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(arabicPage),
  '/slow': answerLater(10_000, (res) => res.end(WIRE_PAGE)),
  '/huge': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    streamLargeBody(res, 50 * MB, Buffer.alloc(64 * 1024, '<p>more</p>'));
  },
  '/loop': (_req, res) => res.writeHead(302, { location: '/loop-2' }).end(),
  '/loop-2': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
  '/report.pdf': (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'),
});
after(() => server.close());

const sitrep = runCli;

function query<T>(db: string, sql: string): T[] {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare(sql).all() as T[];
  } finally {
    conn.close();
  }
}

test('fetch: pages stored with their events; every bad URL gets one line and a log entry; exit 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-fetch-'));
  const db = join(dir, 'store.db');
  const log = join(dir, 'fetch.log');
  const good = ['/anad', '/old-nairobi', '/arabic'].map(server.url);
  const bad = ['/slow', '/huge', '/loop', '/missing', '/report.pdf'].map(server.url);
  const started = Date.now();
  const run = await sitrep(['fetch', ...good, ...bad, 'notaurl', '--db', db, '--timeout', '1.5', '--max-bytes', String(2 * MB), '--delay', '0', '--log', log]);
  assert.ok(Date.now() - started < 30_000, 'the slow and huge pages do not hold the run up');
  assert.equal(run.status, 1, run.stderr);
  assert.equal(run.stdout, '');
  const lines = run.stderr.trim().split('\n');
  const expected = [
    /^sitrep: failed http:\/\/127\.0\.0\.1:\d+\/slow: timed out after 1\.5 s$/,
    /^sitrep: failed http:\/\/127\.0\.0\.1:\d+\/huge: larger than the 2 MB size cap; download stopped \(raise it with --max-bytes\)$/,
    /^sitrep: failed http:\/\/127\.0\.0\.1:\d+\/loop: redirect loop: back to .*\/loop after 2 redirect\(s\)$/,
    /^sitrep: failed http:\/\/127\.0\.0\.1:\d+\/missing: HTTP 404 Not Found$/,
    /^sitrep: failed http:\/\/127\.0\.0\.1:\d+\/report\.pdf: not a web page \(Content-Type application\/pdf\)$/,
    /^sitrep: failed notaurl: not an http:\/\/ or https:\/\/ URL$/,
    /^documents: 3 new, 0 already known, 0 wire copies, 6 failed; events: \d+ new, \d+ merged$/,
  ];
  assert.equal(lines.length, expected.length, run.stderr);
  expected.forEach((pattern, i) => assert.match(lines[i]!, pattern));

  const docs = query<{ name: string; url: string; title: string; published: string; source: string | null; text: string }>(db, 'SELECT name, url, title, published, source, text FROM documents ORDER BY name');
  const byName = new Map(docs.map((d) => [d.name, d]));
  const anad = byName.get(server.url('/anad'))!;
  assert.equal(anad.url, 'https://courier.example/world/anad', 'the canonical URL');
  assert.equal(anad.published, '2019-01-10');
  assert.ok(/^(AP|Associated Press)$/.test(anad.source ?? ''), `the wire credit: ${anad.source}`);
  const nairobi = byName.get(server.url('/old-nairobi'))!;
  assert.equal(nairobi.url, server.url('/nairobi'), 'without a canonical link, where the redirect led');
  assert.match(nairobi.text, /Police fired tear gas/);
  const arabic = byName.get(server.url('/arabic'))!;
  assert.ok(arabic.text.includes(ARABIC), 'windows-1256 decoded from <meta http-equiv>');
  assert.equal(arabic.title, 'قصف على ريف حلب');
  const events = query<{ sub_event_type: string; event_date: string }>(db, 'SELECT sub_event_type, event_date FROM events');
  assert.ok(events.some((e) => e.sub_event_type === 'Air/drone strike' && e.event_date === '2019-01-10'), JSON.stringify(events));
  assert.ok(events.some((e) => e.event_date === '2024-06-25'), 'the Nairobi protest, dated from the page metadata');

  // Structured log: one JSON line per outcome, the failures with their kind.
  const entries = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { msg: string; url?: string; failure?: string; level: number });
  const failures = entries.filter((e) => e.msg === 'fetch failed').map((e) => [new URL(e.url!, 'http://x').pathname, e.failure]);
  assert.deepEqual(failures, [['/slow', 'timeout'], ['/huge', 'too-large'], ['/loop', 'redirect-loop'], ['/missing', 'http-status'], ['/notaurl', 'bad-url']]);
  assert.equal(entries.filter((e) => e.msg === 'ingested').length, 3);
  assert.deepEqual(entries.filter((e) => e.msg === 'ingest failed').map((e) => e.url), [server.url('/report.pdf')]);
  assert.ok(entries.every((e) => typeof e.level === 'number'));

  // Again: nothing new, the same pages are known.
  const again = await sitrep(['fetch', ...good, '--db', db, '--delay', '0']);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, /^documents: 0 new, 3 already known, 0 wire copies, 0 failed; events: 0 new, 0 merged\n$/);
});

test('fetch waits --delay between two requests to the same host', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-fetch-delay-'));
  const before = server.requests.length;
  const run = await sitrep(['fetch', server.url('/nairobi'), server.url('/arabic'), '--db', join(dir, 's.db'), '--delay', '0.6']);
  assert.equal(run.status, 0, run.stderr);
  const requests = server.requests.slice(before);
  assert.deepEqual(requests.map((r) => r.path), ['/nairobi', '/arabic']);
  const times = requests.map((r) => r.at);
  assert.ok(times[1]! - times[0]! >= 550, `requests ${times[1]! - times[0]!} ms apart`);
});

test('fetch refuses bad options with one line and status 2', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['--timeout', '0'], /^sitrep: --timeout "0" is not a positive number of seconds$/],
    [['--delay', 'soon'], /^sitrep: --delay "soon" is not a non-negative number of seconds$/],
    [['--max-redirects', '1.5'], /^sitrep: --max-redirects "1\.5" is not a whole number$/],
    [['--log-level', 'loud'], /^sitrep: log level "loud" is not one of fatal, error, warn, info, debug, trace$/],
  ];
  for (const [options, message] of cases) {
    const run = await sitrep(['fetch', server.url('/nairobi'), '--db', join(tmpdir(), 'never-made.db'), ...options]);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr.trim(), message);
  }
});
