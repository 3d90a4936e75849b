/**
 * `sitrep watch --once` over feeds and pages that go wrong, served on 127.0.0.1: a slow page and
 * a slow feed (beyond the timeout), a 50 MB page (beyond the cap), redirect loops, a 404, a PDF,
 * malformed XML, an HTML page where a feed should be, a busy server (503 with Retry-After), and
 * a feed with external entities (XXE); beside them a gzipped feed, a gzipped page and an Arabic
 * page in windows-1256 that must come through. Each gets its outcome in the store and a log line
 * that names its kind; the cycle finishes; the next one retries the failed items and leaves the
 * failing feeds alone for as long as their backoff (or the server) asks.
 */
import { test, after } from 'node:test';
import { runCli } from './support/run-cli.js';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { conflictArticle, conflictPage } from './support/conflict-articles.js';
import { conditional, rssFeed } from './support/feed-fixtures.js';
import { answerLater, startTestServer, streamLargeBody } from './support/http-server.js';
import { encodeSingleByte } from './support/legacy-encoding.js';

const MB = 1024 * 1024;
// Our own sentence: "Gunmen attacked a checkpoint in the city of Homs on Monday, killing three soldiers."
const ARABIC = 'هاجم مسلحون حاجزا في مدينة حمص يوم الاثنين، ما أسفر عن مقتل ثلاثة جنود.';
const arabicPage = Buffer.concat([
  Buffer.from('<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>', 'latin1'),
  encodeSingleByte('هجوم على حاجز في حمص', 'windows-1256'),
  Buffer.from('</title></head><body><article><p>', 'latin1'),
  encodeSingleByte(ARABIC, 'windows-1256'),
  Buffer.from('</p></article></body></html>', 'latin1'),
]);
const gzipArticle = conflictArticle(3, 'Trouble Times');
const xxeArticle = conflictArticle(5, 'Trouble Times');
const secretDir = mkdtempSync(join(tmpdir(), 'sitrep-secret-'));
const secretFile = join(secretDir, 'secret.txt');
writeFileSync(secretFile, 'TOP-SECRET-MARKER');

const server = await startTestServer();
after(() => server.close());
const item = (path: string, title: string): { guid: string; title: string; link: string; pubDate: string } =>
  ({ guid: `trouble:${path}`, title, link: server.url(path), pubDate: 'Mon, 04 Mar 2024 10:00:00 GMT' });
const troubleFeed = rssFeed('Trouble Times', 'https://trouble.example/', [
  item('/t/slow', 'A page slower than the timeout'),
  item('/t/huge', 'A 50 MB page'),
  item('/t/loop', 'A page in a redirect loop'),
  item('/t/missing', 'A page that is gone'),
  item('/t/report.pdf', 'A PDF'),
  item('/t/arabic', 'هجوم على حاجز في حمص'),
  item('/t/gzip', gzipArticle.headline),
]);
const xxeFeed = rssFeed('Entity Daily', 'https://entity.example/', [item('/t/xxe-report', `${xxeArticle.headline} &file; &remote;`)], [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<!DOCTYPE rss [',
  `  <!ENTITY file SYSTEM "${pathToFileURL(secretFile).href}">`,
  `  <!ENTITY remote SYSTEM "${server.url('/t/entity')}">`,
  ']>',
].join('\n')).replace(/&amp;(file|remote);/g, '&$1;');

server.route('/feeds/trouble.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(gzipSync(troubleFeed)));
server.route('/feeds/xxe.xml', conditional(xxeFeed, { etag: '"xxe-1"' }));
server.route('/feeds/malformed.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Broken & bad</title>\n<item><<<title>x</item></channel>'));
server.route('/feeds/slow.xml', answerLater(10_000, (res) => res.end(troubleFeed)));
server.route('/feeds/busy.xml', (_req, res) => res.writeHead(503, { 'retry-after': '3600' }).end());
server.route('/feeds/page.xml', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><title>Our news</title></head><body><p>Welcome!</p></body></html>'));
server.route('/feeds/loop.xml', (_req, res) => res.writeHead(301, { location: '/feeds/loop.xml' }).end());
server.route('/t/slow', answerLater(10_000, (res) => res.end('<html><body><p>too late</p></body></html>')));
server.route('/t/huge', (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  streamLargeBody(res, 50 * MB, Buffer.alloc(64 * 1024, '<p>more</p>'));
});
server.route('/t/loop', (_req, res) => res.writeHead(302, { location: '/t/loop-2' }).end());
server.route('/t/loop-2', (_req, res) => res.writeHead(302, { location: '/t/loop' }).end());
server.route('/t/report.pdf', (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'));
server.route('/t/arabic', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(arabicPage));
server.route('/t/gzip', (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(conflictPage(gzipArticle, 'Trouble Times', 'https://trouble.example/gzip'))));
server.route('/t/xxe-report', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(conflictPage(xxeArticle, 'Entity Daily', 'https://entity.example/report')));
server.route('/t/entity', (_req, res) => res.end('REMOTE-ENTITY-MARKER'));

const FEEDS = ['trouble', 'xxe', 'malformed', 'slow', 'busy', 'page', 'loop'];

const sitrep = runCli;

interface LogEntry { msg: string; url?: string; feed?: string; failure?: string; warning?: string; retryAfterMs?: number; attempt?: number; level: number }
const readLog = (path: string): LogEntry[] => readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LogEntry);
const pathOf = (url: string | undefined): string => new URL(url ?? '/', 'http://x').pathname;

test('watch --once over feeds and pages that go wrong: each outcome recorded and logged with its kind; nothing crashes', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-trouble-'));
  const db = join(dir, 'store.db');
  const log = join(dir, 'watch.log');
  writeFileSync(join(dir, 'feeds.yaml'), `feeds:\n${FEEDS.map((f) => `  - ${server.url(`/feeds/${f}.xml`)}`).join('\n')}\n`);
  const started = Date.now();
  const run = await sitrep(['watch', join(dir, 'feeds.yaml'), '--once', '--db', db, '--timeout', '1.5', '--max-bytes', String(2 * MB), '--delay', '0', '--log', log]);
  assert.ok(Date.now() - started < 60_000, 'the slow and the huge do not hold the cycle up');
  assert.equal(run.status, 1, `a cron cycle with failures exits 1\n${run.stderr}`);
  // One line for each failure and warning (feeds are polled side by side: in any order), the cycle's status last.
  const lines = run.stderr.trim().split('\n');
  assert.match(lines[0]!, /feeds\.yaml: 7 feed\(s\): 7 added/);
  assert.match(lines.at(-1)!, /^cycle 1: 7 feeds polled, 0 not modified, 5 feed errors; 8 new items, 3 ingested \(0 already known\), 5 failed; events: \d+ new, \d+ merged; next in (14m\d+s|15m)$/);
  const said = lines.slice(1, -1).map((line) => line.replace(/127\.0\.0\.1:\d+/g, 'HOST')).sort();
  assert.deepEqual(said, [
    'sitrep: feed failed http://HOST/feeds/busy.xml: HTTP 503 Service Unavailable (1 in a row; next poll in 1h)',
    "sitrep: feed failed http://HOST/feeds/loop.xml: redirect loop: back to http://HOST/feeds/loop.xml after 1 redirect(s) (1 in a row; next poll in 15m)",
    "sitrep: feed failed http://HOST/feeds/malformed.xml: malformed XML at line 2, column 43: char '&' is not expected. (1 in a row; next poll in 15m)",
    'sitrep: feed failed http://HOST/feeds/page.xml: not an RSS or Atom feed (it starts "<html><head><title>Our news</title></head><body><p>Welcome!<…") (1 in a row; next poll in 15m)',
    'sitrep: feed failed http://HOST/feeds/slow.xml: timed out after 1.5 s (1 in a row; next poll in 15m)',
    'sitrep: item failed http://HOST/t/huge: larger than the 2 MB size cap; download stopped (attempt 1 of 3)',
    'sitrep: item failed http://HOST/t/loop: redirect loop: back to http://HOST/t/loop after 2 redirect(s) (attempt 1 of 3)',
    'sitrep: item failed http://HOST/t/missing: HTTP 404 Not Found (attempt 1 of 3)',
    'sitrep: item failed http://HOST/t/report.pdf: not a web page (Content-Type application/pdf) (attempt 1 of 3)',
    'sitrep: item failed http://HOST/t/slow: timed out after 1.5 s (attempt 1 of 3)',
    'sitrep: warning: http://HOST/feeds/xxe.xml: the feed declares XML entities; they were not expanded (its DOCTYPE is ignored)',
  ]);

  const entries = readLog(log);
  const feedFailures = Object.fromEntries(entries.filter((e) => e.msg === 'feed failed').map((e) => [pathOf(e.url), e.failure]));
  assert.deepEqual(feedFailures, {
    '/feeds/malformed.xml': 'malformed-xml', '/feeds/slow.xml': 'timeout', '/feeds/busy.xml': 'http-status', '/feeds/page.xml': 'not-a-feed', '/feeds/loop.xml': 'redirect-loop',
  });
  assert.equal(entries.find((e) => e.msg === 'feed failed' && pathOf(e.url) === '/feeds/busy.xml')!.retryAfterMs, 3_600_000);
  const itemFailures = Object.fromEntries(entries.filter((e) => e.msg === 'item failed').map((e) => [pathOf(e.url), e.failure]));
  assert.deepEqual(itemFailures, { '/t/slow': 'timeout', '/t/huge': 'too-large', '/t/loop': 'redirect-loop', '/t/missing': 'http-status', '/t/report.pdf': 'E_READ' });
  assert.deepEqual(entries.filter((e) => e.msg === 'item ingested').map((e) => pathOf(e.url)).sort(), ['/t/arabic', '/t/gzip', '/t/xxe-report']);
  assert.deepEqual(entries.filter((e) => e.msg === 'feed warning').map((e) => e.warning), [
    `${server.url('/feeds/xxe.xml')}: the feed declares XML entities; they were not expanded (its DOCTYPE is ignored)`,
  ]);
  assert.ok(entries.filter((e) => e.msg.endsWith('failed')).every((e) => e.level === 40), 'failures are warnings: the daemon goes on');

  // XXE: neither the file nor the URL of the entities was read.
  assert.equal(server.requests.filter((r) => r.path === '/t/entity').length, 0);
  const conn = new Database(db, { readonly: true });
  try {
    const everything = JSON.stringify(conn.prepare('SELECT * FROM documents').all()) + JSON.stringify(conn.prepare('SELECT * FROM feeds').all());
    assert.ok(!everything.includes('TOP-SECRET-MARKER') && !everything.includes('REMOTE-ENTITY-MARKER'));
    const texts = conn.prepare('SELECT name, text, source FROM documents ORDER BY name').all() as Array<{ name: string; text: string; source: string }>;
    assert.deepEqual(texts.map((d) => pathOf(d.name)), ['/t/arabic', '/t/gzip', '/t/xxe-report']);
    assert.ok(texts[0]!.text.includes(ARABIC), 'windows-1256 decoded');
    assert.equal(texts[0]!.source, 'Trouble Times', 'the feed\'s title, for a page that names no source');
    assert.ok(texts[1]!.text.includes(gzipArticle.body[0]!));
    // Every feed's state says what happened.
    const feeds = conn.prepare('SELECT url, consecutive_errors AS errors, last_error AS error, next_poll_at AS next FROM feeds').all() as Array<{ url: string; errors: number; error: string | null; next: string }>;
    const byPath = new Map(feeds.map((f) => [pathOf(f.url), f]));
    assert.match(byPath.get('/feeds/malformed.xml')!.error!, /malformed XML at line 2, column \d+: /);
    assert.match(byPath.get('/feeds/page.xml')!.error!, /not an RSS or Atom feed \(it starts "<html><head><title>Our news/);
    assert.match(byPath.get('/feeds/busy.xml')!.error!, /HTTP 503 Service Unavailable$/);
    assert.ok(Date.parse(byPath.get('/feeds/busy.xml')!.next) - started >= 3_590_000, 'Retry-After: an hour');
    assert.deepEqual(feeds.map((f) => f.errors), [0, 0, 1, 1, 1, 1, 1]);
  } finally {
    conn.close();
  }

  // The next cycle: the failing feeds are left alone (backoff, Retry-After); the trouble feed is
  // read whole again (no validators while items are left to retry) and its failed items retried.
  const since = Date.now();
  const second = await sitrep(['watch', '--once', '--db', db, '--timeout', '1.5', '--max-bytes', String(2 * MB), '--delay', '0']);
  assert.equal(second.status, 1, second.stderr);
  assert.match(second.stderr, /\ncycle 1: 2 feeds polled, 1 not modified, 0 feed errors; 5 new items, 0 ingested \(0 already known\), 5 failed; /);
  assert.equal(second.stderr.match(/^sitrep: item failed .*\(attempt 2 of 3\)$/gm)?.length, 5, second.stderr);
  const asked = server.requests.filter((r) => r.at >= since && r.path.startsWith('/feeds/')).map((r) => r.path).sort();
  assert.deepEqual(asked, ['/feeds/trouble.xml', '/feeds/xxe.xml']);
  const items = new Database(db, { readonly: true });
  try {
    const attempts = items.prepare("SELECT url, attempts FROM feed_items WHERE status = 'failed' ORDER BY url").all() as Array<{ url: string; attempts: number }>;
    assert.deepEqual(attempts.map((a) => [pathOf(a.url), a.attempts]), [['/t/huge', 2], ['/t/loop', 2], ['/t/missing', 2], ['/t/report.pdf', 2], ['/t/slow', 2]]);
  } finally {
    items.close();
  }

  // feeds list: the errors under the table.
  const list = await sitrep(['feeds', 'list', '--db', db]);
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, /\nfd[0-9a-f]{10}: http:\/\/127\.0\.0\.1:\d+\/feeds\/busy\.xml: HTTP 503 Service Unavailable\n/);
});

test('feeds add and watch refuse bad arguments with one line and status 2', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'sitrep-watch-args-')), 'store.db');
  const cases: Array<[string[], RegExp]> = [
    [['feeds', 'add', 'ftp://a.example/feed'], /^sitrep: "ftp:\/\/a\.example\/feed" is not an http:\/\/ or https:\/\/ URL$/],
    [['feeds', 'add', server.url('/feeds/xxe.xml'), '--interval', '15'], /^sitrep: --interval "15" is not a duration \(write it like 30s, 15m, 1h or 1h30m\)$/],
    [['watch', '--once'], /^sitrep: no feeds to watch \(give a FEEDS\.yaml or add one with `sitrep feeds add URL`\)$/],
    [['watch', '--once', '--timeout', '0'], /^sitrep: --timeout "0" is not a positive number of seconds$/],
    [['watch', '/nonexistent/feeds.yaml', '--once'], /^sitrep: \/nonexistent\/feeds\.yaml: no such file$/],
  ];
  for (const [args, message] of cases) {
    const run = await sitrep([...args, '--db', db]);
    assert.match(run.stderr.trim(), message, args.join(' '));
    assert.equal(run.status, message.source.includes('no such file') ? 1 : 2, run.stderr);
  }
});
