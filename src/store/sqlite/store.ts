/**
 * The embedded store: one SQLite file (better-sqlite3), in WAL mode so that readers (the API)
 * never wait for the writer, and each document committed in one transaction so that a process
 * killed at any moment leaves every committed document whole and no half-written one.
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { SitrepError } from '../../errors.js';
import { editedInter } from '../fold.js';
import { toAuditEntry, toEventPage, toStoredDocument, toStoredEvent, toStoredMention, type AuditRow, type DocumentRow, type EventRow, type LinkRow, type MentionRow } from '../rows.js';
import type {
  AuditEntry, CountryCount, DayCount, EventCell, EventPage, EventQuery, FeedItemState, FeedPollUpdate, FeedSpec, FeedState, IngestOutcome,
  Merger, NewDocument, NewMention, ReviewOutcome, ReviewRequest, Store, StoreStats, StoredDocument, StoredEvent,
  StoredMention,
} from '../types.js';
import { countriesOf } from './aggregate.js';
import { EventColumns, restrictBySql } from './columns.js';
import { conditions } from './conditions.js';
import { FeedTables } from './feeds.js';
import { reviewInTransaction } from './review.js';
import { insertDocument, prepareStatements, type Statements } from './statements.js';
import { MIGRATIONS } from './migrations.js';
import { SqliteEventWriter } from './writer.js';

type Db = Database.Database;

const now = (): string => new Date().toISOString();
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

function migrate(db: Db, path: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version));
  const newest = Math.max(0, ...applied);
  const known = Math.max(...MIGRATIONS.map((m) => m.version));
  if (newest > known) {
    throw new SitrepError('E_STORE', `${path} has schema version ${newest}, newer than this sitrep knows (${known})`, 'upgrade sitrep');
  }
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now());
    })();
  }
}

export interface OpenOptions {
  /** Refuse to create a new store: for commands that only read or rework one. */
  mustExist?: boolean;
}

export function openSqliteStore(path: string, merger: Merger, options: OpenOptions = {}): Store {
  if (options.mustExist && !existsSync(path)) {
    throw new SitrepError('E_STORE', `no store at ${path}`, 'ingest some documents first, or give --db / SITREP_DB');
  }
  let db: Db;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives the process being killed (not a power cut).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Reads dominate (queries, the API): a 32 MB page cache and memory-mapped reads keep hot
    // pages of a million-event store off the read() path.
    db.pragma('cache_size = -32768');
    db.pragma('mmap_size = 268435456');
    migrate(db, path);
  } catch (error) {
    if (error instanceof SitrepError) throw error;
    throw new SitrepError('E_STORE', `cannot open the store ${path}: ${(error as Error).message}`);
  }
  return new SqliteStore(db, path, merger);
}

class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly statements: Statements;
  private readonly writer: SqliteEventWriter;
  private readonly queryStatements = new Map<string, Database.Statement>();
  private readonly feeds: FeedTables;
  /** The map's and timeline's columns (columns.ts): dropped on every write here, reread when SQLite says another process wrote. */
  private columns: { data: EventColumns; version: number } | null = null;

  constructor(private readonly db: Db, readonly location: string, private readonly merger: Merger) {
    this.statements = prepareStatements(db);
    this.writer = new SqliteEventWriter(this.statements, merger);
    this.feeds = new FeedTables(db, now);
  }

  async hasDocument(id: string): Promise<boolean> {
    return this.statements.hasDocument.get(id) !== undefined;
  }

  async copyCandidates(bands: readonly string[]): Promise<Array<{ id: string; signature: string }>> {
    if (bands.length === 0) return [];
    const marks = bands.map(() => '?').join(',');
    return this.statement(
      `SELECT d.id, d.signature FROM document_bands b JOIN documents d ON d.id = b.document_id
       WHERE b.band IN (${marks}) GROUP BY d.id ORDER BY count(*) DESC, d.ingested_at LIMIT 20`,
    ).all(...bands) as Array<{ id: string; signature: string }>;
  }

  async addDocument(doc: NewDocument, mentions: readonly NewMention[], copyOf: { id: string; similarity: number } | null): Promise<IngestOutcome> {
    const run = this.db.transaction((): IngestOutcome => {
      if (this.statements.hasDocument.get(doc.id)) {
        return { documentId: doc.id, status: 'known', copyOf: null, eventsNew: 0, eventsMerged: 0 };
      }
      insertDocument(this.statements, doc, copyOf, now());
      const outcome: IngestOutcome = { documentId: doc.id, status: copyOf ? 'copy' : 'new', copyOf: copyOf?.id ?? null, eventsNew: 0, eventsMerged: 0 };
      const touched = new Set<string>();
      for (const m of mentions) {
        const seq = Number(this.statements.insertMention.run(m.id, doc.id, JSON.stringify(m.event)).lastInsertRowid);
        const stored: StoredMention = { id: m.id, documentId: doc.id, seq, published: doc.meta.published, copy: copyOf !== null, event: m.event };
        const joined = this.writer.place(stored, touched);
        touched.add(joined.eventId);
        if (joined.founded) outcome.eventsNew++;
        else outcome.eventsMerged++;
      }
      return outcome;
    });
    this.columns = null;
    return run.immediate();
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    const row = this.statements.getDocument.get(id) as DocumentRow | undefined;
    if (!row) return null;
    const events = (this.statements.eventsOfDocument.all(id) as Array<{ event_id: string }>).map((r) => r.event_id);
    return toStoredDocument(row, events);
  }

  async getEvent(id: string): Promise<StoredEvent | null> {
    const row = this.statements.getEvent.get(id) as EventRow | undefined;
    if (!row) return null;
    return toStoredEvent(row, this.statements.linksOfEvent.all(id) as LinkRow[], this.statements.documentsOfEvent.all(id) as DocumentRow[]);
  }

  async findEvents(query: EventQuery): Promise<EventPage> {
    const limit = Math.min(Math.max(1, query.limit ?? 100), 1000);
    const { where, params } = conditions(query);
    // The inter codes live only in the folded coded event; read them only when asked (CSV export).
    // An edited event's come from the machine's fold with the reviewer's edits laid over it,
    // so that an edited actor's code follows the actor.
    const inter = query.withInter
      ? ", json_extract(coded, '$.inter1') AS inter1, json_extract(coded, '$.inter2') AS inter2, CASE WHEN review_state = 'edited' THEN coded END AS edited_coded"
      : '';
    const sql = `SELECT seq, id, event_date, record${inter} FROM events ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY event_date DESC, seq DESC LIMIT ?`;
    const rows = this.statement(sql).all(...params, limit + 1) as Array<EventRow & { inter1?: number | null; inter2?: number | null; edited_coded?: string | null }>;
    for (const r of rows) {
      if (r.edited_coded) [r.inter1, r.inter2] = editedInter(this.merger, r.edited_coded, this.writer.reviewOf(r.id));
    }
    return toEventPage(rows, limit, query);
  }

  /**
   * A prepared statement for a query's SQL, kept for reuse: queries differ only in which filters
   * they use, so a few dozen shapes cover them all.
   */
  private statement(sql: string): Database.Statement {
    let statement = this.queryStatements.get(sql);
    if (!statement) {
      if (this.queryStatements.size >= 256) this.queryStatements.clear();
      statement = this.db.prepare(sql);
      this.queryStatements.set(sql, statement);
    }
    return statement;
  }

  async review(eventId: string, request: ReviewRequest, reviewer: string): Promise<ReviewOutcome | null> {
    const run = this.db.transaction((): string | null | undefined => reviewInTransaction(this.writer, eventId, request, reviewer, now()));
    this.columns = null;
    const created = run.immediate();
    if (created === undefined) return null;
    const event = await this.getEvent(eventId);
    if (!event) throw new SitrepError('E_STORE', `event ${eventId} vanished during its review`);
    return { event, created };
  }

  async audit(eventId: string): Promise<AuditEntry[]> {
    return (this.statements.auditOf.all(eventId) as AuditRow[]).map(toAuditEntry);
  }

  private currentColumns(): EventColumns {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (!this.columns || this.columns.version !== version) this.columns = { data: EventColumns.load(this.db), version };
    return this.columns.data;
  }

  async cells(query: EventQuery, cellDegrees: number): Promise<EventCell[]> {
    const columns = this.currentColumns();
    const cells = columns.cells(columns.matcher(query, restrictBySql(this.db)), cellDegrees);
    const single = cells.flatMap((c) => (c.seq === null ? [] : [c.seq]));
    const ids = new Map<number, string>();
    for (let at = 0; at < single.length; at += 500) {
      const part = single.slice(at, at + 500);
      const rows = this.statement(`SELECT seq, id FROM events WHERE seq IN (${part.map(() => '?').join(',')})`).all(...part) as Array<{ seq: number; id: string }>;
      for (const r of rows) ids.set(r.seq, r.id);
    }
    return cells.map(({ seq, ...c }) => ({ ...c, id: seq === null ? null : ids.get(seq) ?? null }));
  }

  async days(query: EventQuery): Promise<DayCount[]> {
    const columns = this.currentColumns();
    return columns.days(columns.matcher(query, restrictBySql(this.db)));
  }

  async countries(query: EventQuery): Promise<CountryCount[]> {
    return countriesOf((sql) => this.statement(sql), conditions({ ...query, cursor: null }));
  }

  async remerge(): Promise<{ events: number }> {
    const run = this.db.transaction(() => {
      this.db.exec('DELETE FROM event_mentions; DELETE FROM events_fts; DELETE FROM events_rtree; DELETE FROM events;');
      const rows = this.statements.allMentions.all() as MentionRow[];
      const touchedByDoc = new Map<string, Set<string>>();
      for (const row of rows) {
        const touched = touchedByDoc.get(row.document_id) ?? new Set<string>();
        touchedByDoc.set(row.document_id, touched);
        touched.add(this.writer.place(toStoredMention(row), touched).eventId);
      }
      return (this.statements.countEvents.get() as { n: number }).n;
    });
    this.columns = null;
    return { events: run.immediate() };
  }

  async stats(): Promise<StoreStats> {
    return this.statements.stats.get() as StoreStats;
  }

  async createToken(name: string): Promise<{ name: string; token: string }> {
    if (!/^[\w.-]{1,64}$/.test(name)) throw new SitrepError('E_BAD_ARGUMENT', `token name "${name}" must be 1-64 letters, digits, "_", "." or "-"`);
    const token = 'st_' + randomBytes(24).toString('base64url');
    try {
      this.statements.insertToken.run(name, hashToken(token), now());
    } catch {
      throw new SitrepError('E_BAD_ARGUMENT', `a token named "${name}" exists already`);
    }
    return { name, token };
  }

  async verifyToken(token: string): Promise<string | null> {
    const hash = hashToken(token);
    const row = this.statements.tokenByHash.get(hash) as { name: string; hash: string } | undefined;
    // The look-up is by hash, so the comparison below only guards against a collision in the index.
    return row && timingSafeEqual(Buffer.from(row.hash), Buffer.from(hash)) ? row.name : null;
  }

  async saveFeed(spec: FeedSpec): Promise<{ feed: FeedState; created: boolean }> {
    return this.feeds.save(spec);
  }

  async listFeeds(): Promise<FeedState[]> {
    return this.feeds.list();
  }

  async findFeed(idOrUrl: string): Promise<FeedState | null> {
    return this.feeds.find(idOrUrl);
  }

  async removeFeed(id: string): Promise<boolean> {
    return this.feeds.remove(id);
  }

  async updateFeed(id: string, update: FeedPollUpdate): Promise<void> {
    this.feeds.update(id, update);
  }

  async feedItems(feedId: string, keys: readonly string[]): Promise<Map<string, FeedItemState>> {
    return this.feeds.items(feedId, keys);
  }

  async recordFeedItem(feedId: string, item: Omit<FeedItemState, 'attempts'>): Promise<void> {
    this.feeds.record(feedId, item);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
