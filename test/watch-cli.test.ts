/**
 * `sitrep feeds` and `sitrep watch` as a user runs them (child processes), against a local
 * server on 127.0.0.1: an RSS 2.0 and an Atom feed of 50 articles each are ingested whole with
 * their events; the next cycle, answered 304, ingests nothing; a daemon killed with SIGKILL in
 * the middle of a cycle and restarted leaves every article exactly once; SIGTERM lets the
 * document under way finish and exits 0.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { serveOutlet } from './support/feed-fixtures.js';
import { startTestServer } from './support/http-server.js';

const bin = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const server = await startTestServer();
after(() => server.close());
const harbor = serveOutlet(server, 'Harbor Courier', 'rss', 50);
const monitor = serveOutlet(server, 'Lakeside Monitor', 'atom', 50, { atomFullContent: true });
const slow = serveOutlet(server, 'Slow Gazette', 'rss', 50, { pageDelayMs: 120 });

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(args: string[]): { child: ChildProcess; done: Promise<Run> } {
  const env = { ...process.env };
  delete env.SITREP_LOG;
  delete env.SITREP_LOG_LEVEL;
  delete env.SITREP_DB;
  const child = spawn(process.execPath, [bin, ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Run>((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
  return { child, done };
}

const sitrep = (args: string[]): Promise<Run> => start(args).done;

function query<T>(db: string, sql: string, ...params: unknown[]): T[] {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return conn.prepare(sql).all(...params) as T[];
  } finally {
    conn.close();
  }
}

function count(db: string, sql: string): number {
  if (!existsSync(db)) return 0;
  try {
    return (query<{ n: number }>(db, sql)[0]!).n;
  } catch {
    return 0; // the schema is still being written
  }
}

const pageRequests = (paths: readonly string[], since = 0): number => server.requests.filter((r) => r.at >= since && paths.includes(r.path)).length;
const newStore = (name: string): string => join(mkdtempSync(join(tmpdir(), `sitrep-${name}-`)), 'store.db');

/** Each article is one document, reporting its event: the town and the day of the lead. */
function assertArticlesIngested(db: string, outlet: typeof harbor): void {
  for (const article of outlet.articles) {
    const found = query<{ location: string; event_date: string }>(db, `
      SELECT DISTINCT json_extract(e.record, '$.location') AS location, e.event_date FROM documents d
      JOIN mentions m ON m.document_id = d.id JOIN event_mentions em ON em.mention_id = m.id JOIN events e ON e.id = em.event_id
      WHERE d.title LIKE ? || '%'`, article.headline);
    assert.ok(found.some((e) => e.location === article.town && e.event_date === article.eventDate), `${article.headline}: ${JSON.stringify(found)}`);
  }
}

test('watch --once: an RSS feed and an Atom feed (from FEEDS.yaml) of 50 articles each, then a cycle answered 304', { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-'));
  const db = join(dir, 'store.db');
  const log = join(dir, 'watch.log');
  const add = await sitrep(['feeds', 'add', server.url(harbor.feedPath), '--name', 'Harbor Courier', '--interval', '20m', '--db', db]);
  assert.equal(add.status, 0, add.stderr);
  assert.match(add.stderr, /^sitrep: added feed fd[0-9a-f]{10} http:\/\/127\.0\.0\.1:\d+\/harbor-courier\/rss\.xml \(Harbor Courier\), polled every 20m\n$/);
  const yaml = join(dir, 'feeds.yaml');
  writeFileSync(yaml, `feeds:\n  - url: ${server.url(monitor.feedPath)}\n    interval: 1h\n`);

  const before = server.requests.length;
  const first = await sitrep(['watch', yaml, '--once', '--db', db, '--delay', '0', '--log', log]);
  assert.equal(first.status, 0, first.stderr);
  const lines = first.stderr.trim().split('\n');
  assert.match(lines[0]!, /^sitrep: .*feeds\.yaml: 1 feed\(s\): 1 added, 0 updated, 0 unchanged; 1 other feed\(s\) in the store are polled too/);
  assert.match(lines[1]!, /^cycle 1: 2 feeds polled, 0 not modified, 0 feed errors; 100 new items, 100 ingested \(0 already known\), 0 failed; events: \d+ new, \d+ merged; next in (19m\d+s|20m)$/);
  assert.equal(lines.length, 2, first.stderr);

  // Every article once, with its event; pages fetched once each, none for entries with full text.
  assert.equal(count(db, 'SELECT count(*) AS n FROM documents'), 100);
  assert.equal(count(db, 'SELECT count(DISTINCT url) AS n FROM documents'), 100);
  assertArticlesIngested(db, harbor);
  assertArticlesIngested(db, monitor);
  const requested = server.requests.slice(before).map((r) => r.path);
  harbor.pagePaths.forEach((path) => assert.equal(requested.filter((p) => p === path).length, 1, path));
  monitor.pagePaths.forEach((path, i) => assert.equal(requested.filter((p) => p === path).length, monitor.fullContent.has(i) ? 0 : 1, path));

  // What each document says of itself: the page's canonical URL, site name and day; from full
  // content, the entry's link and day and the feed's title as the source.
  const docs = query<{ url: string; source: string; published: string; title: string }>(db, 'SELECT url, source, published, title FROM documents');
  const fromPage = docs.find((d) => d.title.startsWith(harbor.articles[7]!.headline))!;
  assert.deepEqual(fromPage, { url: `https://harbor-courier.example/news/${harbor.articles[7]!.slug}`, source: 'Harbor Courier', published: harbor.articles[7]!.published, title: fromPage.title });
  const fromFeed = docs.find((d) => d.title === monitor.articles[4]!.headline)!;
  assert.deepEqual(fromFeed, { url: server.url(monitor.pagePaths[4]!), source: 'Lakeside Monitor', published: monitor.articles[4]!.published, title: monitor.articles[4]!.headline });

  // The feeds' state: every item seen and tied to its document, validators kept for next time.
  const feeds = (await sitrep(['feeds', 'list', '--json', '--db', db])).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(feeds.map((f) => [f.name, f.title, f.intervalSeconds, f.itemsSeen, f.consecutiveErrors, f.etag, f.lastModified]), [
    ['Harbor Courier', 'Harbor Courier', 1200, 50, 0, '"harbor-courier-1"', 'Tue, 05 Mar 2024 10:00:00 GMT'],
    [null, 'Lakeside Monitor', 3600, 50, 0, null, 'Wed, 06 Mar 2024 08:00:00 GMT'],
  ]);
  assert.equal(count(db, "SELECT count(DISTINCT document_id) AS n FROM feed_items WHERE status = 'ingested'"), 100);
  const entries = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { msg: string; via?: string });
  assert.equal(entries.filter((e) => e.msg === 'item ingested' && e.via === 'feed').length, 25);
  assert.equal(entries.filter((e) => e.msg === 'item ingested' && e.via === 'page').length, 75);
  assert.equal(entries.filter((e) => e.msg === 'feed read').length, 2);

  // The next cycle: both feeds answer 304 to the validators sent, and nothing is ingested.
  const since = Date.now();
  const second = await sitrep(['watch', '--once', '--db', db, '--delay', '0']);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stderr, /^cycle 1: 2 feeds polled, 2 not modified, 0 feed errors; 0 new items, 0 ingested \(0 already known\), 0 failed; events: 0 new, 0 merged; next in /);
  const feedRequests = server.requests.filter((r) => r.at >= since);
  assert.deepEqual(feedRequests.map((r) => r.path).sort(), [harbor.feedPath, monitor.feedPath].sort());
  assert.equal(feedRequests.find((r) => r.path === harbor.feedPath)!.headers['if-none-match'], '"harbor-courier-1"');
  assert.equal(feedRequests.find((r) => r.path === monitor.feedPath)!.headers['if-modified-since'], 'Wed, 06 Mar 2024 08:00:00 GMT');
  assert.equal(count(db, 'SELECT count(*) AS n FROM documents'), 100);

  // The table a person reads.
  const table = await sitrep(['feeds', 'list', '--db', db]);
  const rows = table.stdout.trim().split('\n');
  assert.match(rows[0]!, /^id\s+name\s+url\s+interval\s+last poll\s+last success\s+items seen\s+errors\s+next poll$/);
  assert.match(rows[1]!, /^fd[0-9a-f]{10}\s+Harbor Courier\s+http:\/\/127\.0\.0\.1:\d+\/harbor-courier\/rss\.xml\s+20m\s+(just now|[\dms]+ ago)\s+(just now|[\dms]+ ago)\s+50\s+0\s+in (19m\d+s|20m)$/);
  assert.match(rows[2]!, /^fd[0-9a-f]{10}\s+Lakeside Monitor\s+.*\s+1h\s+.*\s+50\s+0\s+in (59m\d+s|1h)$/);

  // Removing a feed forgets its items, not its documents.
  const removed = await sitrep(['feeds', 'remove', server.url(monitor.feedPath), '--db', db]);
  assert.equal(removed.status, 0, removed.stderr);
  assert.match(removed.stderr, /^sitrep: removed feed fd[0-9a-f]{10} .*atom\.xml \(50 items forgotten; their documents stay\)\n$/);
  assert.equal(count(db, 'SELECT count(*) AS n FROM feed_items'), 50);
  assert.equal(count(db, 'SELECT count(*) AS n FROM documents'), 100);
  const again = await sitrep(['feeds', 'remove', server.url(monitor.feedPath), '--db', db]);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /^sitrep: no feed .*atom\.xml \(see `sitrep feeds list`\)\n$/);
});

test('SIGKILL in the middle of a cycle, then a restart: every article exactly once', { timeout: 240_000 }, async () => {
  const db = newStore('watch-kill');
  assert.equal((await sitrep(['feeds', 'add', server.url(slow.feedPath), '--db', db])).status, 0);
  const { child, done } = start(['watch', '--once', '--db', db, '--delay', '0']);
  const deadline = Date.now() + 120_000;
  while (count(db, 'SELECT count(*) AS n FROM documents') < 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  child.kill('SIGKILL');
  const killed = await done;
  assert.equal(killed.signal, 'SIGKILL');
  const documentsAtKill = count(db, 'SELECT count(*) AS n FROM documents');
  const itemsAtKill = count(db, "SELECT count(*) AS n FROM feed_items WHERE status = 'ingested'");
  assert.ok(documentsAtKill >= 10 && documentsAtKill < 50, `killed mid-cycle, after ${documentsAtKill} documents`);
  // At most the document being recorded when the kill came is stored without its item.
  assert.ok(documentsAtKill - itemsAtKill <= 1, `${documentsAtKill} documents, ${itemsAtKill} items`);

  const rerun = await sitrep(['watch', '--once', '--db', db, '--delay', '0']);
  assert.equal(rerun.status, 0, rerun.stderr);
  const left = 50 - itemsAtKill;
  const known = documentsAtKill - itemsAtKill;
  assert.match(rerun.stderr, new RegExp(`^cycle 1: 1 feed polled, 0 not modified, 0 feed errors; ${left} new items?, ${left} ingested \\(${known} already known\\), 0 failed;`));
  assert.equal(count(db, 'SELECT count(*) AS n FROM documents'), 50);
  assert.equal(count(db, 'SELECT count(DISTINCT url) AS n FROM documents'), 50);
  assert.equal(count(db, "SELECT count(*) AS n FROM feed_items WHERE status = 'ingested' AND document_id IS NOT NULL"), 50);
  assert.equal(count(db, 'SELECT count(DISTINCT document_id) AS n FROM feed_items'), 50);
  assert.equal(count(db, 'SELECT count(*) AS n FROM mentions m LEFT JOIN event_mentions em ON em.mention_id = m.id WHERE em.mention_id IS NULL'), 0);
  assert.equal(query<{ integrity_check: string }>(db, 'PRAGMA integrity_check')[0]!.integrity_check, 'ok');
  assertArticlesIngested(db, slow);
});

test('SIGTERM: the document under way is finished, nothing new is started, exit 0; a restart takes up the rest', { timeout: 240_000 }, async () => {
  const db = newStore('watch-term');
  assert.equal((await sitrep(['feeds', 'add', server.url(slow.feedPath), '--db', db])).status, 0);
  const testStarted = Date.now();
  const { child, done } = start(['watch', '--db', db, '--delay', '0']);
  const deadline = Date.now() + 120_000;
  while (count(db, 'SELECT count(*) AS n FROM documents') < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  const signalled = Date.now();
  child.kill('SIGTERM');
  const run = await done;
  assert.equal(run.status, 0, run.stderr);
  assert.ok(Date.now() - signalled < 5000, 'exits promptly');
  const lines = run.stderr.trim().split('\n');
  assert.deepEqual(lines.slice(0, 1), ['sitrep: SIGTERM: stopping after the current document(s)']);
  assert.match(lines[1]!, /^cycle 1: 1 feed polled, 0 not modified, 0 feed errors; (\d+) new items, \1 ingested \(0 already known\), 0 failed; .*; stopped$/);
  // Every page asked for was ingested (the one under way when the signal came included), and at
  // most that one was asked for after the signal.
  const documents = count(db, 'SELECT count(*) AS n FROM documents');
  assert.equal(pageRequests(slow.pagePaths, testStarted), documents, 'every page fetched was ingested');
  assert.ok(pageRequests(slow.pagePaths, signalled) <= 1, 'nothing new started after the signal');
  assert.equal(count(db, "SELECT count(*) AS n FROM feed_items WHERE status = 'ingested'"), documents);
  assert.ok(documents >= 5 && documents < 50, `${documents} documents`);
  // The feed is due again at once, and its validators were not stored: the rest is not lost to a 304.
  const [feed] = query<{ next_poll_at: string | null; etag: string | null }>(db, 'SELECT next_poll_at, etag FROM feeds');
  assert.deepEqual(feed, { next_poll_at: null, etag: null });

  const rerun = await sitrep(['watch', '--once', '--db', db, '--delay', '0']);
  assert.equal(rerun.status, 0, rerun.stderr);
  assert.match(rerun.stderr, new RegExp(`; ${50 - documents} new items?, ${50 - documents} ingested \\(0 already known\\), 0 failed;`));
  assert.equal(count(db, 'SELECT count(*) AS n FROM documents'), 50);
});
