/**
 * A FEEDS.yaml synced into the store: each feed it lists is added, or given the file's name and
 * interval. Feeds in the store that the file does not list are left alone (and counted): the
 * store is what `watch` polls, and `sitrep feeds remove` is how one stops.
 */
import type { FeedSpec, Store } from '../store/types.js';

export interface SyncReport {
  added: number;
  updated: number;
  unchanged: number;
  /** Feeds in the store the file does not list: still polled. */
  notInFile: number;
}

export async function syncFeeds(store: Store, specs: readonly FeedSpec[]): Promise<SyncReport> {
  const report: SyncReport = { added: 0, updated: 0, unchanged: 0, notInFile: 0 };
  const before = new Map((await store.listFeeds()).map((feed) => [feed.url, feed]));
  for (const spec of specs) {
    const old = before.get(spec.url);
    if (old && old.name === spec.name && old.intervalSeconds === spec.intervalSeconds) {
      report.unchanged++;
      continue;
    }
    const { created } = await store.saveFeed(spec);
    if (created) report.added++;
    else report.updated++;
  }
  const listed = new Set(specs.map((spec) => spec.url));
  report.notInFile = [...before.keys()].filter((url) => !listed.has(url)).length;
  return report;
}
