/**
 * `sitrep feeds add URL [--interval 15m] [--name NAME]`, `feeds list [--json]` and
 * `feeds remove URL|ID`: the feeds `sitrep watch` polls, kept in the store with their state.
 */
import { SitrepError } from '../errors.js';
import { DEFAULT_INTERVAL_SECONDS, formatInterval, normaliseFeedUrl, parseInterval } from '../feeds/index.js';
import type { FeedState, Store } from '../store/types.js';
import type { Io } from './extract-command.js';
import { openCommandStore, openExistingStore } from './store-access.js';

export interface FeedsAddOptions {
  db?: string;
  interval?: string;
  name?: string;
}

export interface FeedsListOptions {
  db?: string;
  json?: boolean;
}

async function withStore<T>(opening: Promise<Store>, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await opening;
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export async function runFeedsAdd(url: string, opts: FeedsAddOptions, io: Io): Promise<number> {
  const spec = {
    url: normaliseFeedUrl(url),
    name: opts.name?.trim() || null,
    intervalSeconds: opts.interval === undefined ? DEFAULT_INTERVAL_SECONDS : parseInterval(opts.interval, '--interval'),
  };
  return withStore(openCommandStore(opts.db), async (store) => {
    const { feed, created } = await store.saveFeed(spec);
    io.err(`sitrep: ${created ? 'added' : 'updated'} feed ${feed.id} ${feed.url}${feed.name ? ` (${feed.name})` : ''}, polled every ${formatInterval(feed.intervalSeconds)}`);
    return 0;
  });
}

/** A moment relative to now: "4m ago", "in 11m", "due" for a poll time already passed. */
export function relativeTime(iso: string | null, nowMs: number, future: boolean): string {
  if (iso === null) return future ? 'now' : 'never';
  const delta = Date.parse(iso) - nowMs;
  if (future) return delta <= 0 ? 'due' : `in ${formatInterval(Math.ceil(delta / 1000))}`;
  return delta >= -999 ? 'just now' : `${formatInterval(Math.floor(-delta / 1000))} ago`;
}

const COLUMNS = ['id', 'name', 'url', 'interval', 'last poll', 'last success', 'items seen', 'errors', 'next poll'] as const;

function row(feed: FeedState, nowMs: number): string[] {
  return [
    feed.id, feed.name ?? feed.title ?? '–', feed.url, formatInterval(feed.intervalSeconds),
    relativeTime(feed.lastPollAt, nowMs, false), relativeTime(feed.lastSuccessAt, nowMs, false), String(feed.itemsSeen),
    String(feed.consecutiveErrors), relativeTime(feed.nextPollAt, nowMs, true),
  ];
}

/** Columns as wide as their widest cell; the name is cut at 30 characters, the URL at 60. */
function table(rows: string[][]): string[] {
  const cut = (cell: string, i: number): string => {
    const max = i === 1 ? 30 : i === 2 ? 60 : Infinity;
    return cell.length > max ? cell.slice(0, max - 1) + '…' : cell;
  };
  const cells = rows.map((r) => r.map(cut));
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
}

export async function runFeedsList(opts: FeedsListOptions, io: Io): Promise<number> {
  return withStore(openExistingStore(opts.db), async (store) => {
    const feeds = await store.listFeeds();
    if (opts.json) {
      for (const feed of feeds) io.out(JSON.stringify(feed));
      return 0;
    }
    if (feeds.length === 0) {
      io.err('sitrep: no feeds (add one with `sitrep feeds add URL`)');
      return 0;
    }
    const now = Date.now();
    for (const line of table([[...COLUMNS], ...feeds.map((feed) => row(feed, now))])) io.out(line);
    // What is failing, and why, under the table.
    for (const feed of feeds.filter((f) => f.consecutiveErrors > 0 && f.lastError)) io.out(`${feed.id}: ${feed.lastError}`);
    return 0;
  });
}

export async function runFeedsRemove(target: string, opts: { db?: string }, io: Io): Promise<number> {
  return withStore(openExistingStore(opts.db), async (store) => {
    // A URL as given, else as stored (normalised), else an id.
    let feed = await store.findFeed(target);
    if (!feed && URL.canParse(target)) feed = await store.findFeed(new URL(target).href);
    if (!feed) throw new SitrepError('E_NOT_FOUND', `no feed ${target}`, 'see `sitrep feeds list`');
    await store.removeFeed(feed.id);
    io.err(`sitrep: removed feed ${feed.id} ${feed.url} (${feed.itemsSeen} items forgotten; their documents stay)`);
    return 0;
  });
}
