/**
 * Feeds: RSS and Atom read safely (no DTD, no entities), polled each on its own schedule with
 * conditional GET and backoff, their new items fetched (or taken from the feed's full content)
 * and ingested through the corpus, with every feed's state in the store.
 */
export { parseFeedBytes } from './parse.js';
export type { FeedItem, ParsedFeed } from './parse.js';
export { withoutDoctype } from './safe-xml.js';
export { FeedError } from './errors.js';
export type { FeedFailure } from './errors.js';
export { fullContent, FULL_TEXT_MIN_CHARS } from './full-content.js';
export { parseInterval, formatInterval, DEFAULT_INTERVAL_SECONDS } from './interval.js';
export { backoffMs } from './backoff.js';
export { isDue, msUntilNextPoll } from './schedule.js';
export { pollFeed, failureLine, MAX_ITEM_ATTEMPTS } from './poll.js';
export type { FeedLog, PollContext, PollReport } from './poll.js';
export type { PageReader } from './item-article.js';
export { watchFeeds } from './watch.js';
export type { WatchOptions } from './watch.js';
export { cycleLine } from './cycle.js';
export type { CycleSummary } from './cycle.js';
export { parseFeedsFile, readFeedsFile, normaliseFeedUrl } from './feeds-file.js';
export { syncFeeds } from './sync.js';
export type { SyncReport } from './sync.js';
