/**
 * Feeds and their items as both backends' tables hold them (the same columns): the feed's id,
 * the columns a poll may change, and the rows' translation into the store interface's values.
 */
import { createHash } from 'node:crypto';
import type { FeedItemState, FeedPollUpdate, FeedState } from './types.js';

export interface FeedRow {
  id: string; url: string; name: string | null; title: string | null; interval_seconds: number; added_at: string;
  last_poll_at: string | null; last_success_at: string | null; next_poll_at: string | null; etag: string | null;
  last_modified: string | null; consecutive_errors: number; last_error: string | null; items_seen: number;
}
export interface ItemRow { item_key: string; url: string | null; status: string; document_id: string | null; attempts: number; last_error: string | null }

/** A feed's id: stable for its URL, short enough to type. */
export const feedIdOf = (url: string): string => 'fd' + createHash('sha256').update(url).digest('hex').slice(0, 10);

/** The columns a poll may change, by the name the store interface gives them (never the caller's names). */
export const UPDATABLE: Record<keyof FeedPollUpdate, string> = {
  title: 'title', lastPollAt: 'last_poll_at', lastSuccessAt: 'last_success_at', nextPollAt: 'next_poll_at', etag: 'etag',
  lastModified: 'last_modified', consecutiveErrors: 'consecutive_errors', lastError: 'last_error',
};

/** The fields of an update that name a column, in a fixed order. */
export const updatedFields = (update: FeedPollUpdate): Array<keyof FeedPollUpdate> =>
  (Object.keys(update) as Array<keyof FeedPollUpdate>).filter((k) => update[k] !== undefined && k in UPDATABLE);

export const SELECT_FEED = `SELECT f.*, (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id) AS items_seen FROM feeds f`;

export function toFeedState(row: FeedRow): FeedState {
  return {
    id: row.id, url: row.url, name: row.name, title: row.title, intervalSeconds: row.interval_seconds, addedAt: row.added_at,
    lastPollAt: row.last_poll_at, lastSuccessAt: row.last_success_at, nextPollAt: row.next_poll_at, etag: row.etag,
    lastModified: row.last_modified, itemsSeen: row.items_seen, consecutiveErrors: row.consecutive_errors, lastError: row.last_error,
  };
}

export function toItemState(key: string, row: ItemRow): FeedItemState {
  return { key, url: row.url, status: row.status as FeedItemState['status'], documentId: row.document_id, attempts: row.attempts, lastError: row.last_error };
}
