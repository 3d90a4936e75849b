/**
 * One poll of one feed: a conditional GET (the ETag / Last-Modified of the last complete read),
 * the items parsed, those not seen before ingested one by one (each page through the fetcher,
 * with the per-host delay, or the feed's own full content), and the feed's state written back:
 * last poll, last success, validators, errors and the next poll time.
 *
 * Nothing thrown escapes: a feed that fails is recorded with its error and backs off, an item
 * that fails is recorded and retried on later reads of the feed (MAX_ITEM_ATTEMPTS in all).
 * The validators are stored only once every item of a read is settled, so a poll cut short (a
 * stop, a kill) or an item still to retry makes the next poll read the feed whole again; items
 * already ingested are known by their key and skipped.
 */
import type { IngestInput } from '../corpus.js';
import { fetchUrl, FetchError, type FetchLog, type FetchResult, type HostPacer } from '../fetch/index.js';
import { SitrepError } from '../errors.js';
import type { DocumentStatus, FeedItemState, FeedPollUpdate, FeedState, Store } from '../store/types.js';
import { FeedError } from './errors.js';
import { fullContent } from './full-content.js';
import { formatInterval } from './interval.js';
import { contentArticle, withItemFallbacks, type PageReader } from './item-article.js';
import { parseFeedBytes, type FeedItem } from './parse.js';
import { nextPollAfterError, nextPollAfterSuccess } from './schedule.js';

export const MAX_ITEM_ATTEMPTS = 3;
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';

export interface FeedLog extends FetchLog {
  error(fields: object, message: string): void;
}

export interface PollContext {
  store: Store;
  /**
   * Where items go: the corpus (extracted here), or on PostgreSQL the job queue, which has no
   * stored document yet to name (documentId null).
   */
  corpus: { ingest(input: IngestInput): Promise<{ documentId: string | null; status: DocumentStatus; eventsNew: number; eventsMerged: number }> };
  readPage: PageReader;
  pacer: HostPacer;
  fetchOptions: { timeoutMs: number; maxBytes: number; maxRedirects: number };
  log: FeedLog;
  /** One line for a person (standard error): each failure and warning, as `sitrep fetch` says them. */
  say: (line: string) => void;
  /** Once aborted, no new feed or document is started; the document under way is finished. */
  stop: AbortSignal;
  /** Once aborted, downloads under way are cancelled too (a second signal). */
  cancel: AbortSignal;
  now: () => number;
}

export type PollOutcome = 'read' | 'not-modified' | 'failed' | 'stopped';

export interface PollReport {
  feedId: string;
  outcome: PollOutcome;
  /** Items not ingested before that this poll took up (new ones, and failed ones retried). */
  newItems: number;
  ingested: number;
  /** Of those ingested: documents stored already (another feed's copy of the page, a rerun after a kill). */
  known: number;
  failed: number;
  eventsNew: number;
  eventsMerged: number;
  error: string | null;
}

type ItemResult = { status: 'new' | 'copy' | 'known'; eventsNew: number; eventsMerged: number } | { status: 'failed' } | { status: 'stopped' };

/** One line for what went wrong, whatever was thrown. */
export function failureLine(error: unknown): string {
  if (error instanceof SitrepError) return error.toLine();
  return error instanceof Error ? error.message : String(error);
}

const failureKind = (error: unknown): string =>
  error instanceof FetchError || error instanceof FeedError ? error.failure : error instanceof SitrepError ? error.code : 'internal';

const isCancel = (error: unknown): boolean => error instanceof FetchError && error.failure === 'aborted';

/** The items to take up now: unseen ones, and failed ones with attempts left, oldest first. */
async function itemsToTake(feed: FeedState, items: readonly FeedItem[], store: Store): Promise<{ take: FeedItem[]; states: Map<string, FeedItemState> }> {
  const unique = [...new Map(items.map((item) => [item.key, item])).values()];
  const states = await store.feedItems(feed.id, unique.map((item) => item.key));
  const open = (state: FeedItemState | undefined): boolean => !state || (state.status === 'failed' && state.attempts < MAX_ITEM_ATTEMPTS);
  // Feeds list the newest first; ingesting oldest first keeps arrival order close to publication order.
  const take = unique.filter((item) => open(states.get(item.key))).reverse();
  return { take, states };
}

async function articleOf(item: FeedItem, source: string | null, ctx: PollContext): Promise<{ article: ReturnType<PageReader>; via: 'feed' | 'page' }> {
  const html = fullContent(item);
  if (html) return { article: withItemFallbacks(contentArticle(item, html), item, source), via: 'feed' };
  if (!item.url) throw new SitrepError('E_READ', `item ${item.key}: no link to fetch and no full text in the feed`);
  await ctx.pacer.wait(item.url, ctx.cancel);
  const page = await fetchUrl(item.url, { ...ctx.fetchOptions, signal: ctx.cancel, log: ctx.log });
  return { article: withItemFallbacks(ctx.readPage(page, item.url), item, source), via: 'page' };
}

/**
 * Fetches (or takes from the feed) and ingests one item, and records its outcome. `source` is
 * the feed's name (the user's, else the feed's own title), for documents that name none. Never throws.
 */
async function takeItem(item: FeedItem, feed: FeedState, source: string | null, ctx: PollContext, attempt: number): Promise<ItemResult> {
  const fields = { feed: feed.id, item: item.key, url: item.url ?? undefined };
  try {
    const { article, via } = await articleOf(item, source, ctx);
    const outcome = await ctx.corpus.ingest({ article, meta: { externalId: item.key } });
    await ctx.store.recordFeedItem(feed.id, { key: item.key, url: item.url, status: 'ingested', documentId: outcome.documentId, lastError: null });
    ctx.log.info({ ...fields, via, document: outcome.documentId, outcome: outcome.status, eventsNew: outcome.eventsNew, eventsMerged: outcome.eventsMerged }, 'item ingested');
    return { status: outcome.status, eventsNew: outcome.eventsNew, eventsMerged: outcome.eventsMerged };
  } catch (error) {
    // Cancelled by a second signal: not the item's fault; it is taken up again on the next run.
    if (isCancel(error)) return { status: 'stopped' };
    const message = failureLine(error);
    try {
      await ctx.store.recordFeedItem(feed.id, { key: item.key, url: item.url, status: 'failed', documentId: null, lastError: message });
    } catch (storeError) {
      ctx.log.error({ ...fields, error: failureLine(storeError) }, 'cannot record the item');
    }
    const giveUp = attempt >= MAX_ITEM_ATTEMPTS;
    ctx.log.warn({ ...fields, failure: failureKind(error), attempt, giveUp, error: message }, 'item failed');
    ctx.say(`item failed ${message} (attempt ${attempt} of ${MAX_ITEM_ATTEMPTS}${giveUp ? '; given up' : ''})`);
    return { status: 'failed' };
  }
}

function emptyReport(feedId: string, outcome: PollOutcome, error: string | null = null): PollReport {
  return { feedId, outcome, newItems: 0, ingested: 0, known: 0, failed: 0, eventsNew: 0, eventsMerged: 0, error };
}

/** Reads the feed and takes up its new items; returns what the poll did. */
async function readFeed(feed: FeedState, response: FetchResult, ctx: PollContext): Promise<{ report: PollReport; update: FeedPollUpdate }> {
  const parsed = parseFeedBytes(response.body, feed.url, response.contentType, response.url);
  for (const warning of parsed.warnings) {
    ctx.log.warn({ feed: feed.id, url: feed.url, warning }, 'feed warning');
    ctx.say(`warning: ${warning}`);
  }
  if (parsed.skipped) ctx.log.warn({ feed: feed.id, url: feed.url, skipped: parsed.skipped }, 'items with neither id nor link skipped');
  const { take, states } = await itemsToTake(feed, parsed.items, ctx.store);
  ctx.log.info({ feed: feed.id, url: feed.url, items: parsed.items.length, new: take.length }, 'feed read');
  const report = emptyReport(feed.id, 'read');
  let stopped = false;
  let retryLeft = false;
  for (const item of take) {
    if (ctx.stop.aborted) {
      stopped = true;
      break;
    }
    const attempt = (states.get(item.key)?.attempts ?? 0) + 1;
    const result = await takeItem(item, feed, feed.name ?? parsed.title, ctx, attempt);
    if (result.status === 'stopped') {
      stopped = true;
      break;
    }
    report.newItems++;
    if (result.status === 'failed') {
      report.failed++;
      retryLeft ||= attempt < MAX_ITEM_ATTEMPTS;
      continue;
    }
    report.ingested++;
    if (result.status === 'known') report.known++;
    report.eventsNew += result.eventsNew;
    report.eventsMerged += result.eventsMerged;
  }
  const at = ctx.now();
  const update: FeedPollUpdate = {
    title: parsed.title ?? undefined, lastPollAt: new Date(at).toISOString(), lastSuccessAt: new Date(at).toISOString(),
    consecutiveErrors: 0, lastError: null, nextPollAt: nextPollAfterSuccess(at, feed.intervalSeconds),
  };
  if (stopped) {
    // Cut short: keep the old validators, so that the next poll reads the feed whole, and make
    // it due at once, so that a restart takes up the rest without waiting an interval.
    report.outcome = 'stopped';
    update.nextPollAt = null;
  } else if (retryLeft) Object.assign(update, { etag: null, lastModified: null });
  else Object.assign(update, { etag: response.etag, lastModified: response.lastModified });
  return { report, update };
}

/** Polls one feed; never throws (a store that fails under it is logged and reported as the feed's error). */
export async function pollFeed(feed: FeedState, ctx: PollContext): Promise<PollReport> {
  // A graceful stop also cancels the feed's own download: no document is under way yet.
  const feedSignal = AbortSignal.any([ctx.stop, ctx.cancel]);
  try {
    await ctx.pacer.wait(feed.url, feedSignal);
    const response = await fetchUrl(feed.url, {
      ...ctx.fetchOptions, accept: FEED_ACCEPT, etag: feed.etag, lastModified: feed.lastModified, signal: feedSignal, log: ctx.log,
    });
    if (response.notModified) {
      const at = ctx.now();
      const stamp = new Date(at).toISOString();
      await ctx.store.updateFeed(feed.id, { lastPollAt: stamp, lastSuccessAt: stamp, consecutiveErrors: 0, lastError: null, nextPollAt: nextPollAfterSuccess(at, feed.intervalSeconds) });
      return emptyReport(feed.id, 'not-modified');
    }
    const { report, update } = await readFeed(feed, response, ctx);
    await ctx.store.updateFeed(feed.id, update);
    return report;
  } catch (error) {
    if (isCancel(error) || (feedSignal.aborted && error === feedSignal.reason)) return emptyReport(feed.id, 'stopped');
    return failFeed(feed, error, ctx);
  }
}

async function failFeed(feed: FeedState, error: unknown, ctx: PollContext): Promise<PollReport> {
  const message = failureLine(error);
  const at = ctx.now();
  const errors = feed.consecutiveErrors + 1;
  const retryAfterMs = error instanceof FetchError ? error.retryAfterMs : null;
  const nextPollAt = nextPollAfterError(at, feed.intervalSeconds, errors, retryAfterMs);
  ctx.log.warn(
    { feed: feed.id, url: feed.url, failure: failureKind(error), consecutiveErrors: errors, retryAfterMs: retryAfterMs ?? undefined, nextPollAt, error: message },
    'feed failed',
  );
  ctx.say(`feed failed ${message} (${errors} in a row; next poll in ${formatInterval(Math.ceil((Date.parse(nextPollAt) - at) / 1000))})`);
  try {
    await ctx.store.updateFeed(feed.id, { lastPollAt: new Date(at).toISOString(), consecutiveErrors: errors, lastError: message, nextPollAt });
  } catch (storeError) {
    ctx.log.error({ feed: feed.id, error: failureLine(storeError) }, 'cannot record the feed error');
  }
  return emptyReport(feed.id, 'failed', message);
}
