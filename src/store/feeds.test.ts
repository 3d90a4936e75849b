/** Feeds and their items in the store, in every backend. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachBackend } from './test-backends.js';

forEachBackend((b) => {
  test('feeds: added once per URL, updated in place, listed with their state, found by id or URL', async () => {
    const store = await b.open();
    const { feed, created } = await store.saveFeed({ url: 'https://news.example/rss.xml', name: 'Harbor Courier', intervalSeconds: 900 });
    assert.equal(created, true);
    assert.match(feed.id, /^fd[0-9a-f]{10}$/);
    assert.deepEqual({ ...feed, addedAt: 'x' }, {
      id: feed.id, url: 'https://news.example/rss.xml', name: 'Harbor Courier', title: null, intervalSeconds: 900, addedAt: 'x', lastPollAt: null,
      lastSuccessAt: null, nextPollAt: null, etag: null, lastModified: null, itemsSeen: 0, consecutiveErrors: 0, lastError: null,
    });
    const again = await store.saveFeed({ url: 'https://news.example/rss.xml', name: null, intervalSeconds: 3600 });
    assert.equal(again.created, false);
    assert.equal(again.feed.id, feed.id, 'the same URL keeps its id');
    assert.deepEqual([again.feed.name, again.feed.intervalSeconds], [null, 3600]);
    await store.saveFeed({ url: 'https://monitor.example/atom.xml', name: null, intervalSeconds: 600 });
    assert.deepEqual((await store.listFeeds()).map((f) => f.url), ['https://news.example/rss.xml', 'https://monitor.example/atom.xml']);
    assert.equal((await store.findFeed(feed.id))?.url, feed.url);
    assert.equal((await store.findFeed(feed.url))?.id, feed.id);
    assert.equal(await store.findFeed('fd0000000000'), null);

    await store.updateFeed(feed.id, { etag: '"v1"', lastModified: 'Tue, 05 Mar 2024 10:00:00 GMT', lastPollAt: '2024-03-05T10:00:00.000Z', consecutiveErrors: 2, lastError: 'HTTP 503', title: 'World' });
    await store.updateFeed(feed.id, { lastError: null, consecutiveErrors: 0 });
    await store.updateFeed(feed.id, {});
    const updated = (await store.findFeed(feed.id))!;
    assert.deepEqual([updated.etag, updated.lastModified, updated.lastPollAt, updated.consecutiveErrors, updated.lastError, updated.title],
      ['"v1"', 'Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05T10:00:00.000Z', 0, null, 'World']);
    await store.close();
    // The state outlives the process.
    const reopened = await b.reopen();
    assert.equal((await reopened.findFeed(feed.id))?.etag, '"v1"');
    await reopened.close();
  });

  test('feed items: recorded once by key, failures counted, counted as seen, forgotten with their feed', async () => {
    const store = await b.open();
    const { feed } = await store.saveFeed({ url: 'https://news.example/rss.xml', name: null, intervalSeconds: 900 });
    const other = (await store.saveFeed({ url: 'https://other.example/rss.xml', name: null, intervalSeconds: 900 })).feed;
    await store.recordFeedItem(feed.id, { key: 'urn:1', url: 'https://news.example/1', status: 'failed', documentId: null, lastError: 'timed out after 30 s' });
    await store.recordFeedItem(feed.id, { key: 'urn:1', url: 'https://news.example/1', status: 'failed', documentId: null, lastError: 'HTTP 502' });
    await store.recordFeedItem(feed.id, { key: 'urn:2', url: 'https://news.example/2', status: 'failed', documentId: null, lastError: 'HTTP 404' });
    // The same key in another feed is another item.
    await store.recordFeedItem(other.id, { key: 'urn:1', url: 'https://news.example/1', status: 'failed', documentId: null, lastError: 'x' });
    let items = await store.feedItems(feed.id, ['urn:1', 'urn:2', 'urn:3', 'urn:1']);
    assert.deepEqual([...items.keys()].sort(), ['urn:1', 'urn:2']);
    assert.deepEqual(items.get('urn:1'), { key: 'urn:1', url: 'https://news.example/1', status: 'failed', documentId: null, attempts: 2, lastError: 'HTTP 502' });
    assert.equal((await store.findFeed(feed.id))!.itemsSeen, 2);

    // An item ingested points at its document (which must exist: a foreign key).
    await b.query(`INSERT INTO documents (id, name, text, signature, ingested_at) VALUES ('doc1', 'x', 'text', 'sig', 'now')`);
    await store.recordFeedItem(feed.id, { key: 'urn:1', url: 'https://news.example/1', status: 'ingested', documentId: 'doc1', lastError: null });
    items = await store.feedItems(feed.id, ['urn:1']);
    assert.deepEqual(items.get('urn:1'), { key: 'urn:1', url: 'https://news.example/1', status: 'ingested', documentId: 'doc1', attempts: 2, lastError: null });

    assert.equal(await store.removeFeed(feed.id), true);
    assert.equal(await store.removeFeed(feed.id), false);
    assert.equal((await store.feedItems(feed.id, ['urn:1', 'urn:2'])).size, 0, 'its items went with it');
    assert.equal((await store.feedItems(other.id, ['urn:1'])).size, 1, 'the other feed keeps its own');
    assert.equal((await store.stats()).documents, 1, 'documents stay');
    await store.close();
  });
});
