/**
 * When each feed is polled. A feed is due when its next poll time (set after every poll: the
 * interval after a success, the backoff after a failure) has come, or when it was never polled.
 * One cycle run by hand or by cron (`--once`) polls every feed except those backing off after
 * errors: cron sets the pace, but a failing server is still left alone for as long as it asked.
 */
import type { FeedState } from '../store/types.js';
import { backoffMs } from './backoff.js';

const iso = (ms: number): string => new Date(ms).toISOString();

export function isDue(feed: FeedState, nowMs: number, everyHealthyFeed = false): boolean {
  if (feed.nextPollAt === null) return true;
  if (everyHealthyFeed && feed.consecutiveErrors === 0) return true;
  return Date.parse(feed.nextPollAt) <= nowMs;
}

export function nextPollAfterSuccess(nowMs: number, intervalSeconds: number): string {
  return iso(nowMs + intervalSeconds * 1000);
}

export function nextPollAfterError(nowMs: number, intervalSeconds: number, consecutiveErrors: number, retryAfterMs: number | null): string {
  return iso(nowMs + backoffMs(consecutiveErrors, intervalSeconds * 1000, retryAfterMs));
}

/** Milliseconds until the first feed is due (0 if one is due now); null without feeds. */
export function msUntilNextPoll(feeds: readonly FeedState[], nowMs: number): number | null {
  if (feeds.length === 0) return null;
  return Math.max(0, Math.min(...feeds.map((f) => (f.nextPollAt === null ? 0 : Date.parse(f.nextPollAt) - nowMs))));
}
