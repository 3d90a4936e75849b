import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conflictArticle, conflictPage } from '../../test/support/conflict-articles.js';
import { conditional, rssFeed } from '../../test/support/feed-fixtures.js';
import { startTestServer } from '../../test/support/http-server.js';
import { pageToArticle } from '../cli/fetch-command.js';
import { Corpus, openStore } from '../corpus.js';
import { createExtractor } from '../extract.js';
import { HostPacer } from '../fetch/index.js';
import { MAX_ITEM_ATTEMPTS, pollFeed, type PollContext } from './index.js';

const article = conflictArticle(2, 'Poll Post');
const server = await startTestServer({
  '/good': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(conflictPage(article, 'Poll Post', 'https://poll.example/good')),
  '/gone': (_req, res) => res.writeHead(404).end(),
});
server.route('/feed.xml', conditional(rssFeed('Poll Post', 'https://poll.example/', [
  { guid: 'poll:gone', title: 'Gone', link: server.url('/gone') },
  { guid: 'poll:good', title: article.headline, link: server.url('/good') },
]), { etag: '"p1"' }));
after(() => server.close());
const extractor = createExtractor();

function context(stop = new AbortController()): PollContext & { said: string[]; logged: Array<[string, Record<string, unknown>]>; clock: { now: number } } {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'sitrep-poll-')), 'store.db'));
  const said: string[] = [];
  const logged: Array<[string, Record<string, unknown>]> = [];
  const at = (fields: object, message: string): void => void logged.push([message, fields as Record<string, unknown>]);
  const clock = { now: Date.parse('2024-03-05T12:00:00Z') };
  return {
    store, corpus: new Corpus(store, extractor), readPage: pageToArticle, pacer: new HostPacer(0),
    fetchOptions: { timeoutMs: 5000, maxBytes: 1024 * 1024, maxRedirects: 5 }, log: { debug: at, info: at, warn: at, error: at },
    say: (line) => said.push(line), stop: stop.signal, cancel: new AbortController().signal, now: () => clock.now, said, logged, clock,
  };
}

test('a failing item is retried on the next reads of its feed (the validators held back), then given up', async () => {
  const ctx = context();
  const { feed } = await ctx.store.saveFeed({ url: server.url('/feed.xml'), name: null, intervalSeconds: 600 });
  const polls = [];
  for (let i = 0; i < MAX_ITEM_ATTEMPTS + 1; i++) {
    polls.push(await pollFeed((await ctx.store.findFeed(feed.id))!, ctx));
    ctx.clock.now += 600_000;
  }
  assert.deepEqual(polls.map((p) => [p.outcome, p.newItems, p.ingested, p.failed]), [['read', 2, 1, 1], ['read', 1, 0, 1], ['read', 1, 0, 1], ['not-modified', 0, 0, 0]]);
  assert.deepEqual(ctx.said.map((line) => line.replace(/127\.0\.0\.1:\d+/, 'HOST')), [
    'item failed http://HOST/gone: HTTP 404 Not Found (attempt 1 of 3)',
    'item failed http://HOST/gone: HTTP 404 Not Found (attempt 2 of 3)',
    'item failed http://HOST/gone: HTTP 404 Not Found (attempt 3 of 3; given up)',
  ]);
  // Only the read after which nothing was left to retry stored the ETag, so the fourth poll was answered 304.
  const sent = server.requests.filter((r) => r.path === '/feed.xml').map((r) => r.headers['if-none-match'] ?? null);
  assert.deepEqual(sent, [null, null, null, '"p1"']);
  // The last poll was 10 minutes before the clock's last step, and the interval is 10 minutes.
  const state = (await ctx.store.findFeed(feed.id))!;
  assert.deepEqual([state.title, state.etag, state.itemsSeen, state.consecutiveErrors, state.nextPollAt], ['Poll Post', '"p1"', 2, 0, new Date(ctx.clock.now).toISOString()]);
  const items = await ctx.store.feedItems(feed.id, ['poll:gone', 'poll:good']);
  assert.deepEqual([items.get('poll:gone')!.attempts, items.get('poll:gone')!.status, items.get('poll:good')!.status], [3, 'failed', 'ingested']);
  // The document knows where it came from.
  const document = (await ctx.store.getDocument(items.get('poll:good')!.documentId!))!;
  assert.deepEqual([document.url, document.source, document.published, document.externalId], ['https://poll.example/good', 'Poll Post', article.published, 'poll:good']);
  await ctx.store.close();
});

test('a stop before the first item: nothing ingested, the feed due again at once, its validators not stored', async () => {
  const stop = new AbortController();
  const ctx = context(stop);
  const { feed } = await ctx.store.saveFeed({ url: server.url('/feed.xml'), name: 'Poll Post', intervalSeconds: 600 });
  // Stop as soon as the feed has been read: the poll is under way, no document is.
  const info = ctx.log.info;
  ctx.log.info = (fields, message) => {
    info(fields, message);
    if (message === 'feed read') stop.abort();
  };
  const report = await pollFeed(feed, ctx);
  assert.deepEqual([report.outcome, report.newItems], ['stopped', 0]);
  const state = (await ctx.store.findFeed(feed.id))!;
  assert.deepEqual([state.nextPollAt, state.etag, state.itemsSeen, state.lastSuccessAt], [null, null, 0, new Date(ctx.clock.now).toISOString()]);
  // Stopped before the feed is even asked for: not polled at all, and no error.
  const idle = await pollFeed(state, ctx);
  assert.deepEqual([idle.outcome, idle.error], ['stopped', null]);
  assert.equal((await ctx.store.findFeed(feed.id))!.consecutiveErrors, 0);
  await ctx.store.close();
});
