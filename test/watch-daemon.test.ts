/**
 * `sitrep watch` as a daemon over several cycles: each feed polled at its own interval, a
 * healthy one asked again and again with its validators (304), a failing one asked less and
 * less often (backoff), a feed added while the daemon runs picked up, and SIGINT ending it with
 * status 0. Intervals of a second or two keep the test short.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveOutlet } from './support/feed-fixtures.js';
import { startTestServer } from './support/http-server.js';

const bin = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const server = await startTestServer({ '/broken.xml': (_req, res) => res.writeHead(500).end() });
after(() => server.close());
const outlet = serveOutlet(server, 'Ridge Herald', 'rss', 3);
const late = serveOutlet(server, 'Late Night Edition', 'atom', 2);

test('the daemon: feeds at their own intervals, 304s, backoff for a failing feed, a feed added on the fly, SIGINT exits 0', { timeout: 60_000 }, async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'sitrep-daemon-')), 'store.db');
  const add = (url: string, interval: string): void => {
    const run = spawnSync(process.execPath, [bin, 'feeds', 'add', url, '--interval', interval, '--db', db], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  };
  add(server.url(outlet.feedPath), '1s');
  add(server.url('/broken.xml'), '1s');
  const started = Date.now();
  const child = spawn(process.execPath, [bin, 'watch', '--db', db, '--delay', '0'], { env: { ...process.env, SITREP_LOG: '' } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
  await new Promise((resolve) => setTimeout(resolve, 2500));
  add(server.url(late.feedPath), '1h');
  await new Promise((resolve) => setTimeout(resolve, 5000));
  child.kill('SIGINT');
  assert.equal(await exited, 0, stderr);

  const times = (path: string): number[] => server.requests.filter((r) => r.path === path && r.at >= started).map((r) => r.at);
  // The healthy feed: about once a second; after the first read, always with its ETag, answered 304.
  const healthy = server.requests.filter((r) => r.path === outlet.feedPath && r.at >= started);
  assert.ok(healthy.length >= 4, `${healthy.length} polls of the healthy feed`);
  assert.ok(healthy.slice(1).every((r) => r.headers['if-none-match'] === '"ridge-herald-1"'));
  // The failing one: at once, then 1 s, 2 s and 4 s after each failure.
  const broken = times('/broken.xml');
  assert.ok(broken.length >= 3 && broken.length <= 4, `${broken.length} polls of the failing feed`);
  const gaps = broken.slice(1).map((t, i) => t - broken[i]!);
  // (A gap can be longer than its backoff, when a cycle is busy ingesting; never shorter.)
  assert.ok(gaps[0]! >= 950 && gaps[1]! >= 1950 && (gaps[2] ?? Infinity) >= 3950, `gaps ${gaps.join(', ')} ms`);
  // The feed added while it ran was read within the minute the daemon re-reads the list in.
  assert.equal(times(late.feedPath).length, 1);
  assert.match(stderr, /^cycle 1: 2 feeds polled, 0 not modified, 1 feed error; 3 new items, 3 ingested/m);
  assert.match(stderr, /^cycle \d+: 1 feed polled, 1 not modified, 0 feed errors; 0 new items/m);
  assert.match(stderr, /^cycle \d+: [12] feeds? polled, [01] not modified, 0 feed errors; 2 new items, 2 ingested \(0 already known\), 0 failed; events: 2 new/m);
  assert.match(stderr, /^sitrep: feed failed http:\/\/127\.0\.0\.1:\d+\/broken\.xml: HTTP 500 Internal Server Error \(2 in a row; next poll in 2s\)$/m);
  assert.match(stderr, /sitrep: SIGINT: stopping after the current document\(s\)\n$/);
});
