/**
 * Feeds and their items in the SQLite store (migration 4): what `sitrep watch` needs to poll
 * each feed on its own schedule and to resume after a restart without ingesting an item twice.
 * Plain SQL on plain columns, so that the PostgreSQL backend can keep the same tables.
 */
import type Database from 'better-sqlite3';
import { SELECT_FEED, feedIdOf, toFeedState, toItemState, UPDATABLE, updatedFields, type FeedRow, type ItemRow } from '../feed-rows.js';
import type { FeedItemState, FeedPollUpdate, FeedSpec, FeedState } from '../types.js';

export class FeedTables {
  private readonly s;

  constructor(private readonly db: Database.Database, private readonly now: () => string) {
    this.s = {
      insert: db.prepare('INSERT INTO feeds (id, url, name, interval_seconds, added_at) VALUES (?, ?, ?, ?, ?)'),
      respec: db.prepare('UPDATE feeds SET name = ?, interval_seconds = ? WHERE id = ?'),
      byIdOrUrl: db.prepare(`${SELECT_FEED} WHERE f.id = ? OR f.url = ?`),
      all: db.prepare(`${SELECT_FEED} ORDER BY f.added_at, f.id`),
      remove: db.prepare('DELETE FROM feeds WHERE id = ?'),
      item: db.prepare('SELECT item_key, url, status, document_id, attempts, last_error FROM feed_items WHERE feed_id = ? AND item_key = ?'),
      insertItem: db.prepare(
        `INSERT INTO feed_items (feed_id, item_key, url, status, document_id, attempts, last_error, first_seen_at, updated_at)
         VALUES (@feedId, @key, @url, @status, @documentId, 1, @lastError, @at, @at)`,
      ),
      updateItem: db.prepare(
        `UPDATE feed_items SET url = @url, status = @status, document_id = @documentId, attempts = attempts + @more,
         last_error = @lastError, updated_at = @at WHERE feed_id = @feedId AND item_key = @key`,
      ),
    };
  }

  save(spec: FeedSpec): { feed: FeedState; created: boolean } {
    return this.db.transaction(() => {
      const existing = this.find(spec.url);
      if (existing) this.s.respec.run(spec.name, spec.intervalSeconds, existing.id);
      else this.s.insert.run(feedIdOf(spec.url), spec.url, spec.name, spec.intervalSeconds, this.now());
      return { feed: this.find(spec.url)!, created: !existing };
    }).immediate();
  }

  list(): FeedState[] {
    return (this.s.all.all() as FeedRow[]).map(toFeedState);
  }

  find(idOrUrl: string): FeedState | null {
    const row = this.s.byIdOrUrl.get(idOrUrl, idOrUrl) as FeedRow | undefined;
    return row ? toFeedState(row) : null;
  }

  remove(id: string): boolean {
    return this.s.remove.run(id).changes > 0;
  }

  update(id: string, update: FeedPollUpdate): void {
    const fields = updatedFields(update);
    if (fields.length === 0) return;
    // The column names come from the fixed table above, never from the caller.
    const sql = `UPDATE feeds SET ${fields.map((k) => `${UPDATABLE[k]} = ?`).join(', ')} WHERE id = ?`;
    this.db.prepare(sql).run(...fields.map((k) => update[k] ?? null), id);
  }

  items(feedId: string, keys: readonly string[]): Map<string, FeedItemState> {
    const found = new Map<string, FeedItemState>();
    for (const key of new Set(keys)) {
      const row = this.s.item.get(feedId, key) as ItemRow | undefined;
      if (row) found.set(key, toItemState(key, row));
    }
    return found;
  }

  record(feedId: string, item: Omit<FeedItemState, 'attempts'>): void {
    const values = { feedId, key: item.key, url: item.url, status: item.status, documentId: item.documentId, lastError: item.lastError, at: this.now() };
    this.db.transaction(() => {
      // A failure is one more attempt; an ingested item keeps the count that got it there.
      const more = item.status === 'failed' ? 1 : 0;
      if (this.s.updateItem.run({ ...values, more }).changes === 0) this.s.insertItem.run(values);
    }).immediate();
  }
}
