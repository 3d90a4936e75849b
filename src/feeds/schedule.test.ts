import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FeedState } from '../store/types.js';
import { backoffMs, formatInterval, isDue, msUntilNextPoll, parseInterval } from './index.js';
import { nextPollAfterError, nextPollAfterSuccess } from './schedule.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

test('intervals: written with units, out-of-range and unit-less ones refused', () => {
  const cases: Array<[string, number]> = [['30s', 30], ['15m', 900], ['1h', 3600], ['1h30m', 5400], [' 2H ', 7200], ['1d', 86_400], ['1.5m', 90], ['1h 5m 3s', 3903]];
  for (const [text, seconds] of cases) assert.equal(parseInterval(text), seconds, text);
  for (const bad of ['15', 'soon', '15x', 'm15', '', '0s', '8d', '10m soon']) {
    assert.throws(() => parseInterval(bad, '--interval'), (error: Error & { code?: string }) => error.code === 'E_BAD_ARGUMENT' && /--interval/.test(error.message), bad);
  }
  assert.deepEqual([900, 5400, 45, 90_061, 0].map(formatInterval), ['15m', '1h30m', '45s', '1d1h1m1s', '0s']);
});

test('backoff: the interval after one error, doubling after more, capped; Retry-After honoured up to a day', () => {
  const interval = 15 * MIN;
  assert.deepEqual([1, 2, 3, 4, 5, 6, 10, 200].map((n) => backoffMs(n, interval)), [15 * MIN, 30 * MIN, HOUR, 2 * HOUR, 4 * HOUR, 6 * HOUR, 6 * HOUR, 6 * HOUR]);
  // A feed polled daily is never asked more often than daily.
  assert.equal(backoffMs(3, 24 * HOUR), 24 * HOUR);
  assert.equal(backoffMs(1, interval, 2 * HOUR), 2 * HOUR, 'the server asked for longer');
  assert.equal(backoffMs(4, interval, 60_000), 2 * HOUR, 'the backoff is longer than what was asked');
  assert.equal(backoffMs(1, interval, 30 * 24 * HOUR), 24 * HOUR, 'a server cannot park a feed for a month');
});

function feed(over: Partial<FeedState>): FeedState {
  return {
    id: 'fd0', url: 'https://a.example/feed', name: null, title: null, intervalSeconds: 900, addedAt: '2024-01-01T00:00:00.000Z', lastPollAt: null,
    lastSuccessAt: null, nextPollAt: null, etag: null, lastModified: null, itemsSeen: 0, consecutiveErrors: 0, lastError: null, ...over,
  };
}

test('due: never polled, or its time has come; one cycle by hand polls every feed not backing off', () => {
  const now = Date.parse('2024-03-05T12:00:00Z');
  const later = feed({ nextPollAt: '2024-03-05T12:10:00.000Z' });
  const backingOff = feed({ nextPollAt: '2024-03-05T14:00:00.000Z', consecutiveErrors: 2 });
  assert.equal(isDue(feed({}), now), true);
  assert.equal(isDue(feed({ nextPollAt: '2024-03-05T11:59:59.000Z' }), now), true);
  assert.equal(isDue(later, now), false);
  assert.equal(isDue(later, now, true), true);
  assert.equal(isDue(backingOff, now, true), false);
  assert.equal(msUntilNextPoll([later, backingOff], now), 10 * MIN);
  assert.equal(msUntilNextPoll([later, feed({})], now), 0);
  assert.equal(msUntilNextPoll([], now), null);
  assert.equal(nextPollAfterSuccess(now, 900), '2024-03-05T12:15:00.000Z');
  assert.equal(nextPollAfterError(now, 900, 3, null), '2024-03-05T13:00:00.000Z');
  assert.equal(nextPollAfterError(now, 900, 1, 120_000), '2024-03-05T12:15:00.000Z');
});
