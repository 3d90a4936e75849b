/**
 * Feeds and their items in PostgreSQL: the same tables and behaviour as SQLite's
 * (src/store/sqlite/feeds.ts), so that `sitrep watch` resumes on any machine.
 */
import type pg from 'pg';
import { SELECT_FEED, feedIdOf, toFeedState, toItemState, UPDATABLE, updatedFields, type FeedRow, type ItemRow } from '../feed-rows.js';
import type { FeedItemState, FeedPollUpdate, FeedSpec, FeedState } from '../types.js';
import { inTransaction, type Sql } from './db.js';

const now = (): string => new Date().toISOString();

async function find(sql: Sql, idOrUrl: string): Promise<FeedState | null> {
  const row = (await sql.query<FeedRow>(`${SELECT_FEED} WHERE f.id = $1 OR f.url = $1`, [idOrUrl])).rows[0];
  return row ? toFeedState(row) : null;
}

export class PgFeeds {
  constructor(private readonly pool: pg.Pool) {}

  save(spec: FeedSpec): Promise<{ feed: FeedState; created: boolean }> {
    return inTransaction(this.pool, async (c) => {
      // Two processes adding the same URL at once: the second waits here and updates.
      const inserted = await c.query(
        'INSERT INTO feeds (id, url, name, interval_seconds, added_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (url) DO NOTHING',
        [feedIdOf(spec.url), spec.url, spec.name, spec.intervalSeconds, now()],
      );
      if (inserted.rowCount === 0) await c.query('UPDATE feeds SET name = $1, interval_seconds = $2 WHERE url = $3', [spec.name, spec.intervalSeconds, spec.url]);
      return { feed: (await find(c, spec.url))!, created: inserted.rowCount === 1 };
    });
  }

  async list(): Promise<FeedState[]> {
    return (await this.pool.query<FeedRow>(`${SELECT_FEED} ORDER BY f.added_at, f.id`)).rows.map(toFeedState);
  }

  find(idOrUrl: string): Promise<FeedState | null> {
    return find(this.pool, idOrUrl);
  }

  async remove(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM feeds WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async update(id: string, update: FeedPollUpdate): Promise<void> {
    const fields = updatedFields(update);
    if (fields.length === 0) return;
    // The column names come from the fixed table in feed-rows.ts, never from the caller.
    const sets = fields.map((k, i) => `${UPDATABLE[k]} = $${i + 1}`).join(', ');
    await this.pool.query(`UPDATE feeds SET ${sets} WHERE id = $${fields.length + 1}`, [...fields.map((k) => update[k] ?? null), id]);
  }

  async items(feedId: string, keys: readonly string[]): Promise<Map<string, FeedItemState>> {
    const rows = await this.pool.query<ItemRow>(
      'SELECT item_key, url, status, document_id, attempts, last_error FROM feed_items WHERE feed_id = $1 AND item_key = ANY($2::text[])',
      [feedId, [...new Set(keys)]],
    );
    return new Map(rows.rows.map((r) => [r.item_key, toItemState(r.item_key, r)]));
  }

  async record(feedId: string, item: Omit<FeedItemState, 'attempts'>): Promise<void> {
    // A failure is one more attempt; an ingested item keeps the count that got it there.
    await this.pool.query(
      `INSERT INTO feed_items (feed_id, item_key, url, status, document_id, attempts, last_error, first_seen_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $7)
       ON CONFLICT (feed_id, item_key) DO UPDATE SET url = excluded.url, status = excluded.status, document_id = excluded.document_id,
       attempts = feed_items.attempts + $8, last_error = excluded.last_error, updated_at = excluded.updated_at`,
      [feedId, item.key, item.url, item.status, item.documentId, item.lastError, now(), item.status === 'failed' ? 1 : 0],
    );
  }
}
