/**
 * The shared store: one PostgreSQL database that any number of workers and API servers use at
 * once (node-postgres, a pool per process). Nothing lives in the process: documents, events,
 * reviews, feeds and API tokens are all in the database, so API servers are interchangeable
 * behind a load balancer.
 *
 * Each document is committed in one transaction with its mentions and merges, under the
 * advisory locks of the countries its mentions are in (src/store/postgres/writer.ts): a worker
 * killed at any moment leaves every committed document whole and no half-written one, and two
 * workers placing reports of one event at once never found it twice.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { SitrepError } from '../../errors.js';
import { cellsFromRows, type CellRow } from '../cells.js';
import { editedInter } from '../fold.js';
import { reviewOfRow, type ReviewRow } from '../review-state.js';
import { toAuditEntry, toEventPage, toStoredDocument, toStoredEvent, toStoredMention, type AuditRow, type DocumentRow, type EventRow, type LinkRow, type MentionRow } from '../rows.js';
import type {
  AuditEntry, CountryCount, DayCount, EventCell, EventPage, EventQuery, FeedItemState, FeedPollUpdate, FeedSpec, FeedState, IngestOutcome, Merger,
  NewDocument, NewMention, ReviewOutcome, ReviewRequest, Store, StoreStats, StoredDocument, StoredEvent,
} from '../types.js';
import { pgConditions, whereOf } from './conditions.js';
import { connectionError, createPool, inTransaction, redactUrl } from './db.js';
import { PgFeeds } from './feeds.js';
import { appliedVersions, migrate, spatialMode, type MigrationContext, type SpatialMode } from './migrations.js';
import { reviewInTransaction } from './review.js';
import { ALL_EVENTS_LOCK, EventWriter, writerLocks } from './writer.js';

const now = (): string => new Date().toISOString();
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface PgOpenOptions {
  /** Refuse a database that holds no sitrep store: for commands that only read or rework one. */
  mustExist?: boolean;
  /** Connections this process may hold (default 10). */
  poolSize?: number;
  /** 'portable' creates a new store without PostGIS even where the extension exists. */
  spatial?: MigrationContext['spatial'];
}

export async function openPostgresStore(url: string, merger: Merger, options: PgOpenOptions = {}): Promise<PostgresStore> {
  const location = redactUrl(url);
  const pool = createPool(url, options.poolSize ?? 10);
  // An idle client that loses its server (a restart) must not take the process down.
  pool.on('error', () => undefined);
  try {
    if (options.mustExist && (await appliedVersions(pool)).size === 0) {
      throw new SitrepError('E_STORE', `no store at ${location}`, 'ingest some documents first, or give --db / SITREP_DB');
    }
    await migrate(pool, location, { spatial: options.spatial ?? 'auto' });
    return new PostgresStore(pool, location, merger, await spatialMode(pool));
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof SitrepError) throw error;
    throw connectionError(url, error);
  }
}

const DOCUMENT_COLUMNS = 'id, name, external_id, url, title, published, source, text, signature, copy_of, similarity, warnings, ingested_at';

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private readonly feeds: PgFeeds;

  constructor(private readonly pool: pg.Pool, readonly location: string, private readonly merger: Merger, readonly spatial: SpatialMode) {
    this.feeds = new PgFeeds(pool);
  }

  async hasDocument(id: string): Promise<boolean> {
    return ((await this.pool.query('SELECT 1 FROM documents WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async copyCandidates(bands: readonly string[]): Promise<Array<{ id: string; signature: string }>> {
    if (bands.length === 0) return [];
    const rows = await this.pool.query<{ id: string; signature: string }>(
      `SELECT d.id, d.signature FROM document_bands b JOIN documents d ON d.id = b.document_id
       WHERE b.band = ANY($1::text[]) GROUP BY d.id ORDER BY count(*) DESC, d.ingested_at LIMIT 20`,
      [[...bands]],
    );
    return rows.rows;
  }

  addDocument(doc: NewDocument, mentions: readonly NewMention[], copyOf: { id: string; similarity: number } | null): Promise<IngestOutcome> {
    const countries = mentions.map((m) => m.event.place.iso3);
    return inTransaction(this.pool, async (c) => {
      const w = new EventWriter(c, this.merger);
      w.holdsCountries(countries);
      // A worker storing the same text at the same moment: this insert waits for it, then finds it there.
      const inserted = await c.query(
        `INSERT INTO documents (${DOCUMENT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING`,
        [
          doc.id, doc.meta.name, doc.meta.externalId, doc.meta.url, doc.meta.title, doc.meta.published, doc.meta.source, doc.text, doc.signature,
          copyOf?.id ?? null, copyOf?.similarity ?? null, JSON.stringify(doc.warnings), now(),
        ],
      );
      if (inserted.rowCount === 0) return { documentId: doc.id, status: 'known', copyOf: null, eventsNew: 0, eventsMerged: 0 };
      if (doc.bands.length > 0) {
        await c.query('INSERT INTO document_bands (band, document_id) SELECT DISTINCT unnest($1::text[]), $2 ON CONFLICT DO NOTHING', [doc.bands, doc.id]);
      }
      const outcome: IngestOutcome = { documentId: doc.id, status: copyOf ? 'copy' : 'new', copyOf: copyOf?.id ?? null, eventsNew: 0, eventsMerged: 0 };
      const touched = new Set<string>();
      for (const m of mentions) {
        const { rows } = await c.query<{ seq: number }>('INSERT INTO mentions (id, document_id, coded) VALUES ($1, $2, $3) RETURNING seq', [m.id, doc.id, JSON.stringify(m.event)]);
        const stored = { id: m.id, documentId: doc.id, seq: rows[0]!.seq, published: doc.meta.published, copy: copyOf !== null, event: m.event };
        const joined = await w.place(stored, touched, true);
        touched.add(joined.eventId);
        if (joined.founded) outcome.eventsNew++;
        else outcome.eventsMerged++;
      }
      return outcome;
    }, { locks: writerLocks(countries) });
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    const row = (await this.pool.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1`, [id])).rows[0];
    if (!row) return null;
    const events = await this.pool.query<{ event_id: string }>(
      'SELECT DISTINCT em.event_id COLLATE "C" AS event_id FROM mentions m JOIN event_mentions em ON em.mention_id = m.id WHERE m.document_id = $1 ORDER BY 1',
      [id],
    );
    return toStoredDocument(row, events.rows.map((r) => r.event_id));
  }

  async getEvent(id: string): Promise<StoredEvent | null> {
    const row = (await this.pool.query<EventRow>('SELECT seq, id, event_date, record, coded FROM events WHERE id = $1', [id])).rows[0];
    if (!row) return null;
    const links = await this.pool.query<LinkRow>(
      'SELECT em.mention_id, m.document_id, em.why FROM event_mentions em JOIN mentions m ON m.id = em.mention_id WHERE em.event_id = $1 ORDER BY m.seq',
      [id],
    );
    const documents = await this.pool.query<DocumentRow>(
      `SELECT DISTINCT d.* FROM event_mentions em JOIN mentions m ON m.id = em.mention_id JOIN documents d ON d.id = m.document_id
       WHERE em.event_id = $1 ORDER BY d.published NULLS FIRST, d.ingested_at`,
      [id],
    );
    return toStoredEvent(row, links.rows, documents.rows);
  }

  async findEvents(query: EventQuery): Promise<EventPage> {
    const limit = Math.min(Math.max(1, query.limit ?? 100), 1000);
    const c = pgConditions(query, this.spatial);
    // The inter codes live only in the folded coded event; read them only when asked (CSV export).
    // An edited event's come from the machine's fold with the reviewer's edits laid over it.
    const inter = query.withInter
      ? ", (coded::json->>'inter1')::int AS inter1, (coded::json->>'inter2')::int AS inter2, CASE WHEN review_state = 'edited' THEN coded END AS edited_coded"
      : '';
    c.params.push(limit + 1);
    const sql = `SELECT seq, id, event_date, record${inter} FROM events ${whereOf(c)} ORDER BY event_date DESC, seq DESC LIMIT $${c.params.length}`;
    const rows = (await this.pool.query<EventRow & { inter1?: number | null; inter2?: number | null; edited_coded?: string | null }>(sql, c.params)).rows;
    for (const r of rows) {
      if (!r.edited_coded) continue;
      const review = (await this.pool.query<ReviewRow>('SELECT * FROM event_reviews WHERE event_id = $1', [r.id])).rows[0];
      [r.inter1, r.inter2] = editedInter(this.merger, r.edited_coded, review ? reviewOfRow(review) : null);
    }
    return toEventPage(rows, limit, query);
  }

  async review(eventId: string, request: ReviewRequest, reviewer: string): Promise<ReviewOutcome | null> {
    const created = await inTransaction(this.pool, (c) => reviewInTransaction(new EventWriter(c, this.merger), eventId, request, reviewer));
    if (created === undefined) return null;
    const event = await this.getEvent(eventId);
    if (!event) throw new SitrepError('E_STORE', `event ${eventId} vanished during its review`);
    return { event, created };
  }

  async audit(eventId: string): Promise<AuditEntry[]> {
    return (await this.pool.query<AuditRow>('SELECT * FROM reviews WHERE event_id = $1 ORDER BY seq', [eventId])).rows.map(toAuditEntry);
  }

  async cells(query: EventQuery, cellDegrees: number): Promise<EventCell[]> {
    const c = pgConditions({ ...query, cursor: null }, this.spatial, [cellDegrees]);
    // One row per cell and event type; cellsFromRows puts the cells together.
    const sql = `SELECT floor(latitude / $1)::int AS gy, floor(longitude / $1)::int AS gx, event_type, count(*)::int AS n,
      sum(latitude) AS lat, sum(longitude) AS lon, sum(fatalities)::int AS dead, min(id COLLATE "C") AS id, min(seq) AS first
      FROM events ${whereOf(c)} GROUP BY gy, gx, event_type`;
    return cellsFromRows((await this.pool.query<CellRow>(sql, c.params)).rows);
  }

  async days(query: EventQuery): Promise<DayCount[]> {
    const c = pgConditions({ ...query, cursor: null }, this.spatial);
    const sql = `SELECT event_date AS date, event_type AS type, count(*)::int AS count FROM events ${whereOf(c)}
      GROUP BY event_date, event_type ORDER BY event_date, event_type COLLATE "C"`;
    return (await this.pool.query<DayCount>(sql, c.params)).rows;
  }

  async countries(query: EventQuery): Promise<CountryCount[]> {
    const c = pgConditions({ ...query, cursor: null }, this.spatial);
    const sql = `SELECT iso3, min(country COLLATE "C") AS country, count(*)::int AS count FROM events ${whereOf(c)}
      GROUP BY iso3 ORDER BY count DESC, iso3 COLLATE "C"`;
    return (await this.pool.query<CountryCount>(sql, c.params)).rows;
  }

  remerge(): Promise<{ events: number }> {
    // Alone: no worker writes while every event is rebuilt.
    return inTransaction(this.pool, async (c) => {
      await c.query('DELETE FROM event_mentions');
      await c.query('DELETE FROM events');
      const w = new EventWriter(c, this.merger);
      const rows = await c.query<MentionRow>(
        'SELECT m.seq, m.id, m.document_id, m.coded, d.published, d.copy_of FROM mentions m JOIN documents d ON d.id = m.document_id ORDER BY m.seq',
      );
      const touchedByDoc = new Map<string, Set<string>>();
      for (const row of rows.rows) {
        const touched = touchedByDoc.get(row.document_id) ?? new Set<string>();
        touchedByDoc.set(row.document_id, touched);
        touched.add((await w.place(toStoredMention(row), touched)).eventId);
      }
      return { events: (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0]!.n };
    }, { tries: 1, locks: [{ name: ALL_EVENTS_LOCK }] });
  }

  async stats(): Promise<StoreStats> {
    const row = await this.pool.query<StoreStats>(
      `SELECT (SELECT count(*) FROM documents)::int AS documents, (SELECT count(*) FROM documents WHERE copy_of IS NOT NULL)::int AS copies,
       (SELECT count(*) FROM mentions)::int AS mentions, (SELECT count(*) FROM events)::int AS events`,
    );
    return row.rows[0]!;
  }

  async createToken(name: string): Promise<{ name: string; token: string }> {
    if (!/^[\w.-]{1,64}$/.test(name)) throw new SitrepError('E_BAD_ARGUMENT', `token name "${name}" must be 1-64 letters, digits, "_", "." or "-"`);
    const token = 'st_' + randomBytes(24).toString('base64url');
    const inserted = await this.pool.query('INSERT INTO tokens (name, hash, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [name, hashToken(token), now()]);
    if (inserted.rowCount === 0) throw new SitrepError('E_BAD_ARGUMENT', `a token named "${name}" exists already`);
    return { name, token };
  }

  async verifyToken(token: string): Promise<string | null> {
    const hash = hashToken(token);
    const row = (await this.pool.query<{ name: string; hash: string }>('SELECT name, hash FROM tokens WHERE hash = $1', [hash])).rows[0];
    // The look-up is by hash, so the comparison below only guards against a collision in the index.
    return row && timingSafeEqual(Buffer.from(row.hash), Buffer.from(hash)) ? row.name : null;
  }

  saveFeed(spec: FeedSpec): Promise<{ feed: FeedState; created: boolean }> {
    return this.feeds.save(spec);
  }

  listFeeds(): Promise<FeedState[]> {
    return this.feeds.list();
  }

  findFeed(idOrUrl: string): Promise<FeedState | null> {
    return this.feeds.find(idOrUrl);
  }

  removeFeed(id: string): Promise<boolean> {
    return this.feeds.remove(id);
  }

  updateFeed(id: string, update: FeedPollUpdate): Promise<void> {
    return this.feeds.update(id, update);
  }

  feedItems(feedId: string, keys: readonly string[]): Promise<Map<string, FeedItemState>> {
    return this.feeds.items(feedId, keys);
  }

  recordFeedItem(feedId: string, item: Omit<FeedItemState, 'attempts'>): Promise<void> {
    return this.feeds.record(feedId, item);
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
