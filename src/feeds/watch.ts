/**
 * The watch loop: cycles of polls, each over the feeds that are due, a few feeds at a time (a
 * slow host does not hold up the others; the per-host delay keeps each host's requests apart),
 * then a sleep until the next feed is due. The feed list is read again every cycle and at least
 * once a minute, so feeds added while the daemon runs are picked up. A stop ends the sleep at
 * once, and a cycle under way after its current documents.
 */
import type { Sleep } from '../fetch/index.js';
import { summarizeCycle, type CycleSummary } from './cycle.js';
import { pollFeed, type PollContext, type PollReport } from './poll.js';
import { isDue, msUntilNextPoll } from './schedule.js';

/** Feeds polled at the same time: enough that one slow host does not stall the cycle. */
export const FEEDS_AT_ONCE = 4;
/** The longest sleep between two looks at the feed list. */
export const MAX_SLEEP_MS = 60_000;

export interface WatchOptions {
  /** One cycle over every feed not backing off, then return (cron, tests). */
  once: boolean;
  feedsAtOnce?: number;
  sleep?: Sleep;
  onCycle(summary: CycleSummary): void;
}

const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** Runs `work` over `items`, at most `size` at a time; the results in the items' order. */
async function inPool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}

/** Polls until `ctx.stop` (or after one cycle with `once`); returns the summaries of the cycles run. */
export async function watchFeeds(ctx: PollContext, options: WatchOptions): Promise<CycleSummary[]> {
  const sleep = options.sleep ?? realSleep;
  const summaries: CycleSummary[] = [];
  while (!ctx.stop.aborted) {
    const feeds = await ctx.store.listFeeds();
    const due = feeds.filter((feed) => isDue(feed, ctx.now(), options.once));
    if (due.length > 0 || options.once) {
      const polled = await inPool(due, options.feedsAtOnce ?? FEEDS_AT_ONCE, (feed) => (ctx.stop.aborted ? Promise.resolve(null) : pollFeed(feed, ctx)));
      const reports = polled.filter((r): r is PollReport => r !== null);
      const nextIn = msUntilNextPoll(await ctx.store.listFeeds(), ctx.now());
      const summary = summarizeCycle(summaries.length + 1, reports, nextIn, ctx.stop.aborted);
      summaries.push(summary);
      options.onCycle(summary);
    }
    if (options.once || ctx.stop.aborted) break;
    const wait = msUntilNextPoll(await ctx.store.listFeeds(), ctx.now()) ?? MAX_SLEEP_MS;
    await sleep(Math.min(Math.max(wait, 50), MAX_SLEEP_MS), ctx.stop);
  }
  return summaries;
}
