/**
 * The embedded store: one SQLite file (better-sqlite3), in WAL mode so that readers (the API)
 * never wait for the writer, and each document committed in one transaction so that a process
 * killed at any moment leaves every committed document whole and no half-written one.
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { SitrepError } from '../../errors.js';
import type { CodedEvent, EventRecord, ReviewEdits, ReviewMark, ReviewState } from '../../types.js';
import type {
  AuditEntry, CountryCount, DayCount, DocumentMeta, EventCell, EventPage, EventQuery, FeedItemState, FeedPollUpdate, FeedSpec, FeedState, IngestOutcome,
  MergeLink, Merger, NewDocument, NewMention, ReviewAction, ReviewOutcome, ReviewRequest, Store, StoreStats, StoredDocument, StoredEvent,
  StoredMention,
} from '../types.js';
import { encodeCursor } from '../query.js';
import { countriesOf } from './aggregate.js';
import { EventColumns, restrictBySql } from './columns.js';
import { conditions } from './conditions.js';
import { FeedTables } from './feeds.js';
import { MIGRATIONS } from './migrations.js';

type Db = Database.Database;

interface DocumentRow {
  id: string; name: string; external_id: string | null; url: string | null; title: string | null; published: string | null;
  source: string | null; text: string; copy_of: string | null; similarity: number | null; warnings: string; ingested_at: string;
}
interface MentionRow { seq: number; id: string; document_id: string; coded: string; published: string | null; copy_of: string | null }
interface EventRow { seq: number; id: string; event_date: string; record: string; coded: string }
interface ReviewRow { event_id: string; confirmed: number; rejected: number; edits: string; reviewer: string; reviewed_at: string }
interface AuditRow { seq: number; event_id: string; reviewer: string; reviewed_at: string; action: string; before: string | null; after: string | null; note: string | null }

/** An event's current review: the verdicts and the fields a reviewer set. */
interface Review { confirmed: boolean; rejected: boolean; edits: ReviewEdits; reviewer: string; at: string }

function stateOf(r: Review): ReviewState | null {
  if (r.rejected) return 'rejected';
  if (Object.keys(r.edits).length > 0) return 'edited';
  return r.confirmed ? 'confirmed' : null;
}

function markOf(r: Review | null): ReviewMark | null {
  const state = r && stateOf(r);
  return r && state ? { state, by: r.reviewer, at: r.at, fields: Object.keys(r.edits) } : null;
}

const now = (): string => new Date().toISOString();
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const eventIdOf = (foundingMentionId: string): string => 'ev' + createHash('sha256').update(foundingMentionId).digest('hex').slice(0, 14);
const DAY = 86_400_000;
const shiftDays = (date: string, days: number): string => new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);

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
  private readonly statements: ReturnType<typeof prepare>;
  private readonly queryStatements = new Map<string, Database.Statement>();
  private readonly feeds: FeedTables;
  /** The map's and timeline's columns (columns.ts): dropped on every write here, reread when SQLite says another process wrote. */
  private columns: { data: EventColumns; version: number } | null = null;

  constructor(private readonly db: Db, readonly location: string, private readonly merger: Merger) {
    this.statements = prepare(db);
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
      insertDocument(this.statements, doc, copyOf);
      const outcome: IngestOutcome = { documentId: doc.id, status: copyOf ? 'copy' : 'new', copyOf: copyOf?.id ?? null, eventsNew: 0, eventsMerged: 0 };
      const touched = new Set<string>();
      for (const m of mentions) {
        const seq = Number(this.statements.insertMention.run(m.id, doc.id, JSON.stringify(m.event)).lastInsertRowid);
        const stored: StoredMention = { id: m.id, documentId: doc.id, seq, published: doc.meta.published, copy: copyOf !== null, event: m.event };
        const joined = this.place(stored, touched);
        touched.add(joined.eventId);
        if (joined.founded) outcome.eventsNew++;
        else outcome.eventsMerged++;
      }
      return outcome;
    });
    this.columns = null;
    return run.immediate();
  }

  /**
   * Puts one mention into the event it tells (refolding that event) or founds a new one. Events
   * this document already joined are not candidates: the in-document merge has already decided
   * that its mentions tell different events.
   */
  private place(mention: StoredMention, touched: ReadonlySet<string>): { eventId: string; founded: boolean } {
    // A reviewer's pin wins over the merge rules (merge, split, a reviewed event's reports).
    const pin = this.statements.pinOf.get(mention.id) as { event_id: string; why: string } | undefined;
    if (pin) {
      const existing = this.statements.eventSeq.get(pin.event_id) as { seq: number } | undefined;
      if (existing) {
        this.statements.link.run(mention.id, pin.event_id, pin.why);
        this.saveEvent(pin.event_id, this.mentionsOf(pin.event_id), existing.seq);
      } else {
        this.saveEvent(pin.event_id, [mention], null);
        this.statements.link.run(mention.id, pin.event_id, pin.why);
      }
      return { eventId: pin.event_id, founded: !existing };
    }
    const e = mention.event;
    const window = this.merger.windowDays;
    const rows = this.statements.candidates.all(e.place.iso3, shiftDays(e.date, -window), shiftDays(e.dateEnd ?? e.date, window), e.date) as EventRow[];
    const candidates = rows.filter((r) => !touched.has(r.id)).map((r) => ({ id: r.id, event: JSON.parse(r.coded) as CodedEvent }));
    const match = this.merger.match(mention, candidates);
    if (!match) {
      const id = eventIdOf(mention.id);
      this.saveEvent(id, [mention], null);
      this.statements.link.run(mention.id, id, 'founded the event');
      return { eventId: id, founded: true };
    }
    this.statements.link.run(mention.id, match.id, match.why);
    const seq = (this.statements.eventSeq.get(match.id) as { seq: number }).seq;
    this.saveEvent(match.id, this.mentionsOf(match.id), seq);
    return { eventId: match.id, founded: false };
  }

  private mentionsOf(eventId: string): StoredMention[] {
    return (this.statements.mentionsOfEvent.all(eventId) as MentionRow[]).map(toStoredMention);
  }

  private saveEvent(id: string, mentions: readonly StoredMention[], seq: number | null): EventRecord {
    const review = this.reviewOf(id);
    const machine = this.merger.fold(mentions);
    // The reviewer's fields over the machine's fold, so that edits outlive every refold. The
    // merge rules go on reading the machine's fold (the coded column): which reports tell one
    // event does not change because a reviewer corrected a field.
    const shown = review && Object.keys(review.edits).length > 0 ? this.merger.applyEdits(machine, review.edits) : machine;
    const record: EventRecord = { ...this.merger.record(id, shown), reviewed: markOf(review) };
    const values = eventValues(record, machine);
    let rowSeq: number;
    if (seq === null) {
      rowSeq = Number(this.statements.insertEvent.run({ id, ...values }).lastInsertRowid);
    } else {
      this.statements.updateEvent.run({ id, ...values });
      rowSeq = seq;
      this.statements.deleteFts.run(rowSeq);
      this.statements.deleteRtree.run(rowSeq);
    }
    this.statements.insertFts.run(rowSeq, searchText(record));
    this.statements.insertRtree.run(rowSeq, record.latitude, record.latitude, record.longitude, record.longitude);
    return record;
  }

  private reviewOf(eventId: string): Review | null {
    const row = this.statements.getReview.get(eventId) as ReviewRow | undefined;
    if (!row) return null;
    return { confirmed: row.confirmed === 1, rejected: row.rejected === 1, edits: JSON.parse(row.edits) as ReviewEdits, reviewer: row.reviewer, at: row.reviewed_at };
  }

  private deleteEventRow(id: string, seq: number): void {
    this.statements.deleteFts.run(seq);
    this.statements.deleteRtree.run(seq);
    this.statements.deleteEvent.run(id);
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    const row = this.statements.getDocument.get(id) as DocumentRow | undefined;
    if (!row) return null;
    const events = (this.statements.eventsOfDocument.all(id) as Array<{ event_id: string }>).map((r) => r.event_id);
    return { ...documentMeta(row), id: row.id, text: row.text, copyOf: row.copy_of, similarity: row.similarity, ingestedAt: row.ingested_at, warnings: JSON.parse(row.warnings) as string[], events };
  }

  async getEvent(id: string): Promise<StoredEvent | null> {
    const row = this.statements.getEvent.get(id) as EventRow | undefined;
    if (!row) return null;
    const links = (this.statements.linksOfEvent.all(id) as Array<{ mention_id: string; document_id: string; why: string }>).map(
      (l): MergeLink => ({ mentionId: l.mention_id, documentId: l.document_id, why: l.why }),
    );
    const documents = (this.statements.documentsOfEvent.all(id) as DocumentRow[]).map((d) => ({
      id: d.id, name: d.name, title: d.title, source: d.source, published: d.published, copyOf: d.copy_of,
    }));
    return { record: JSON.parse(row.record) as EventRecord, links, documents };
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
      const review = r.edited_coded ? this.reviewOf(r.id) : null;
      if (!review) continue;
      const shown = this.merger.applyEdits(JSON.parse(r.edited_coded!) as CodedEvent, review.edits);
      [r.inter1, r.inter2] = [shown.inter1, shown.inter2];
    }
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      events: query.asJson ? [] : page.map((r) => JSON.parse(r.record) as EventRecord),
      ...(query.asJson ? { json: page.map((r) => r.record) } : {}),
      next: rows.length > limit && last ? encodeCursor(last.event_date, last.seq) : null,
      ...(query.withInter ? { inter: page.map((r) => ({ inter1: r.inter1 ?? 0, inter2: r.inter2 ?? 0 })) } : {}),
    };
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
    const run = this.db.transaction((): string | null | undefined => {
      const row = this.statements.getEvent.get(eventId) as EventRow | undefined;
      if (!row) return undefined;
      const at = now();
      const before = JSON.parse(row.record) as EventRecord;
      const note = request.note ?? null;
      const audit = (id: string, action: ReviewAction, from: EventRecord | null, to: EventRecord | null, why: string | null): void => {
        this.statements.insertAudit.run(id, reviewer, at, action, from && JSON.stringify(from), to && JSON.stringify(to), why);
      };
      // Any review freezes which reports the event holds, so that its id (and so its review)
      // survives a remerge under changed rules.
      this.pinReports(eventId);
      if (request.action === 'merge') return this.mergeInto(row, before, request.other, reviewer, audit, note);
      if (request.action === 'split') return this.splitOff(row, before, request.mention, reviewer, audit, note);
      const current = this.reviewOf(eventId) ?? { confirmed: false, rejected: false, edits: {}, reviewer, at };
      const next: Review = { ...current, reviewer, at };
      if (request.action === 'confirm') Object.assign(next, { confirmed: true, rejected: false });
      else if (request.action === 'reject') next.rejected = true;
      else next.edits = { ...current.edits, ...request.edits };
      this.statements.upsertReview.run(eventId, next.confirmed ? 1 : 0, next.rejected ? 1 : 0, JSON.stringify(next.edits), reviewer, at);
      const after = this.saveEvent(eventId, this.mentionsOf(eventId), row.seq);
      audit(eventId, request.action, before, after, note);
      return null;
    });
    this.columns = null;
    const created = run.immediate();
    if (created === undefined) return null;
    const event = await this.getEvent(eventId);
    if (!event) throw new SitrepError('E_STORE', `event ${eventId} vanished during its review`);
    return { event, created };
  }

  /** Pins every report of an event to it, each with the reason it joined. */
  private pinReports(eventId: string): void {
    for (const l of this.statements.linksOfEvent.all(eventId) as Array<{ mention_id: string; why: string }>) {
      this.statements.pin.run(l.mention_id, eventId, l.why);
    }
  }

  private mergeInto(
    row: EventRow, before: EventRecord, otherId: string, reviewer: string,
    audit: (id: string, action: ReviewAction, from: EventRecord | null, to: EventRecord | null, note: string | null) => void, note: string | null,
  ): null {
    if (otherId === row.id) throw new SitrepError('E_BAD_ARGUMENT', 'an event cannot be merged with itself');
    const other = this.statements.getEvent.get(otherId) as EventRow | undefined;
    if (!other) throw new SitrepError('E_BAD_ARGUMENT', `no event "${otherId}" to merge`);
    const why = `merged from ${otherId} by ${reviewer}`;
    for (const l of this.statements.linksOfEvent.all(otherId) as Array<{ mention_id: string }>) {
      this.statements.relink.run(row.id, why, l.mention_id);
      this.statements.pin.run(l.mention_id, row.id, why);
    }
    this.deleteEventRow(otherId, other.seq);
    this.statements.deleteReview.run(otherId);
    const after = this.saveEvent(row.id, this.mentionsOf(row.id), row.seq);
    audit(row.id, 'merge', before, after, note ?? `merged ${otherId} into this event`);
    audit(otherId, 'merge', JSON.parse(other.record) as EventRecord, null, note ?? `merged into ${row.id}`);
    return null;
  }

  private splitOff(
    row: EventRow, before: EventRecord, mentionId: string, reviewer: string,
    audit: (id: string, action: ReviewAction, from: EventRecord | null, to: EventRecord | null, note: string | null) => void, note: string | null,
  ): string {
    const mentions = this.mentionsOf(row.id);
    const leaving = mentions.find((m) => m.id === mentionId);
    if (!leaving) throw new SitrepError('E_BAD_ARGUMENT', `report "${mentionId}" is not one of event ${row.id}'s reports`);
    if (mentions.length < 2) throw new SitrepError('E_BAD_ARGUMENT', `event ${row.id} has only one report; there is nothing to split it from`);
    let newId = eventIdOf(mentionId);
    for (let n = 1; newId === row.id || this.statements.eventSeq.get(newId); n++) newId = eventIdOf(`${mentionId}|split ${n}`);
    const why = `split off ${row.id} by ${reviewer}`;
    const created = this.saveEvent(newId, [leaving], null);
    this.statements.relink.run(newId, why, mentionId);
    this.statements.pin.run(mentionId, newId, why);
    const after = this.saveEvent(row.id, mentions.filter((m) => m.id !== mentionId), row.seq);
    audit(row.id, 'split', before, after, note ?? `report ${mentionId} split off into ${newId}`);
    audit(newId, 'split', null, created, note ?? `split off ${row.id}`);
    return newId;
  }

  async audit(eventId: string): Promise<AuditEntry[]> {
    return (this.statements.auditOf.all(eventId) as AuditRow[]).map((r) => ({
      seq: r.seq, eventId: r.event_id, reviewer: r.reviewer, at: r.reviewed_at, action: r.action as ReviewAction,
      before: r.before === null ? null : (JSON.parse(r.before) as EventRecord), after: r.after === null ? null : (JSON.parse(r.after) as EventRecord), note: r.note,
    }));
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
        touched.add(this.place(toStoredMention(row), touched).eventId);
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

function prepare(db: Db) {
  return {
    hasDocument: db.prepare('SELECT 1 FROM documents WHERE id = ?'),
    insertDocument: db.prepare(
      `INSERT INTO documents (id, name, external_id, url, title, published, source, text, signature, copy_of, similarity, warnings, ingested_at)
       VALUES (@id, @name, @externalId, @url, @title, @published, @source, @text, @signature, @copyOf, @similarity, @warnings, @ingestedAt)`,
    ),
    insertBand: db.prepare('INSERT OR IGNORE INTO document_bands (band, document_id) VALUES (?, ?)'),
    insertMention: db.prepare('INSERT INTO mentions (id, document_id, coded) VALUES (?, ?, ?)'),
    link: db.prepare('INSERT INTO event_mentions (mention_id, event_id, why) VALUES (?, ?, ?)'),
    // The events nearest in time first: in a busy war the window holds thousands.
    candidates: db.prepare(
      'SELECT seq, id, event_date, coded FROM events WHERE iso3 = ? AND event_date BETWEEN ? AND ? ORDER BY abs(julianday(event_date) - julianday(?)), seq LIMIT 1000',
    ),
    eventSeq: db.prepare('SELECT seq FROM events WHERE id = ?'),
    deleteEvent: db.prepare('DELETE FROM events WHERE id = ?'),
    pinOf: db.prepare('SELECT event_id, why FROM mention_pins WHERE mention_id = ?'),
    pin: db.prepare('INSERT INTO mention_pins (mention_id, event_id, why) VALUES (?, ?, ?) ON CONFLICT(mention_id) DO UPDATE SET event_id = excluded.event_id, why = excluded.why'),
    relink: db.prepare('UPDATE event_mentions SET event_id = ?, why = ? WHERE mention_id = ?'),
    getReview: db.prepare('SELECT * FROM event_reviews WHERE event_id = ?'),
    upsertReview: db.prepare(
      `INSERT INTO event_reviews (event_id, confirmed, rejected, edits, reviewer, reviewed_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(event_id) DO UPDATE SET confirmed = excluded.confirmed, rejected = excluded.rejected, edits = excluded.edits,
       reviewer = excluded.reviewer, reviewed_at = excluded.reviewed_at`,
    ),
    deleteReview: db.prepare('DELETE FROM event_reviews WHERE event_id = ?'),
    insertAudit: db.prepare('INSERT INTO reviews (event_id, reviewer, reviewed_at, action, before, after, note) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    auditOf: db.prepare('SELECT * FROM reviews WHERE event_id = ? ORDER BY seq'),
    mentionsOfEvent: db.prepare(
      `SELECT m.seq, m.id, m.document_id, m.coded, d.published, d.copy_of FROM event_mentions em
       JOIN mentions m ON m.id = em.mention_id JOIN documents d ON d.id = m.document_id
       WHERE em.event_id = ? ORDER BY m.seq`,
    ),
    allMentions: db.prepare('SELECT m.seq, m.id, m.document_id, m.coded, d.published, d.copy_of FROM mentions m JOIN documents d ON d.id = m.document_id ORDER BY m.seq'),
    insertEvent: db.prepare(
      `INSERT INTO events (id, event_date, date_end, event_type, sub_event_type, actor1, actor2, country, iso3, admin1, latitude, longitude, fatalities, status, review_state, record, coded, updated_at)
       VALUES (@id, @event_date, @date_end, @event_type, @sub_event_type, @actor1, @actor2, @country, @iso3, @admin1, @latitude, @longitude, @fatalities, @status, @review_state, @record, @coded, @updated_at)`,
    ),
    updateEvent: db.prepare(
      `UPDATE events SET event_date = @event_date, date_end = @date_end, event_type = @event_type, sub_event_type = @sub_event_type,
       actor1 = @actor1, actor2 = @actor2, country = @country, iso3 = @iso3, admin1 = @admin1, latitude = @latitude, longitude = @longitude,
       fatalities = @fatalities, status = @status, review_state = @review_state, record = @record, coded = @coded, updated_at = @updated_at WHERE id = @id`,
    ),
    insertFts: db.prepare('INSERT INTO events_fts (rowid, text) VALUES (?, ?)'),
    deleteFts: db.prepare('DELETE FROM events_fts WHERE rowid = ?'),
    insertRtree: db.prepare('INSERT INTO events_rtree (seq, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)'),
    deleteRtree: db.prepare('DELETE FROM events_rtree WHERE seq = ?'),
    getDocument: db.prepare('SELECT * FROM documents WHERE id = ?'),
    eventsOfDocument: db.prepare(
      'SELECT DISTINCT em.event_id FROM mentions m JOIN event_mentions em ON em.mention_id = m.id WHERE m.document_id = ? ORDER BY em.event_id',
    ),
    getEvent: db.prepare('SELECT seq, id, event_date, record, coded FROM events WHERE id = ?'),
    linksOfEvent: db.prepare(
      'SELECT em.mention_id, m.document_id, em.why FROM event_mentions em JOIN mentions m ON m.id = em.mention_id WHERE em.event_id = ? ORDER BY m.seq',
    ),
    documentsOfEvent: db.prepare(
      `SELECT DISTINCT d.* FROM event_mentions em JOIN mentions m ON m.id = em.mention_id JOIN documents d ON d.id = m.document_id
       WHERE em.event_id = ? ORDER BY d.published, d.ingested_at`,
    ),
    countEvents: db.prepare('SELECT count(*) AS n FROM events'),
    stats: db.prepare(
      `SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM documents WHERE copy_of IS NOT NULL) AS copies,
       (SELECT count(*) FROM mentions) AS mentions, (SELECT count(*) FROM events) AS events`,
    ),
    insertToken: db.prepare('INSERT INTO tokens (name, hash, created_at) VALUES (?, ?, ?)'),
    tokenByHash: db.prepare('SELECT name, hash FROM tokens WHERE hash = ?'),
  };
}

function insertDocument(s: ReturnType<typeof prepare>, doc: NewDocument, copyOf: { id: string; similarity: number } | null): void {
  s.insertDocument.run({
    id: doc.id, name: doc.meta.name, externalId: doc.meta.externalId, url: doc.meta.url, title: doc.meta.title,
    published: doc.meta.published, source: doc.meta.source, text: doc.text, signature: doc.signature,
    copyOf: copyOf?.id ?? null, similarity: copyOf?.similarity ?? null, warnings: JSON.stringify(doc.warnings), ingestedAt: now(),
  });
  for (const band of doc.bands) s.insertBand.run(band, doc.id);
}

function toStoredMention(row: MentionRow): StoredMention {
  return { id: row.id, documentId: row.document_id, seq: row.seq, published: row.published, copy: row.copy_of !== null, event: JSON.parse(row.coded) as CodedEvent };
}

function documentMeta(row: DocumentRow): DocumentMeta {
  return { name: row.name, externalId: row.external_id, url: row.url, title: row.title, published: row.published, source: row.source };
}

function eventValues(r: EventRecord, folded: CodedEvent) {
  return {
    event_date: r.event_date, date_end: r.date_end, event_type: r.event_type, sub_event_type: r.sub_event_type, actor1: r.actor1,
    actor2: r.actor2, country: r.country, iso3: r.iso3, admin1: r.admin1, latitude: r.latitude, longitude: r.longitude,
    fatalities: r.fatalities, status: r.status, review_state: r.reviewed?.state ?? null, record: JSON.stringify(r), coded: JSON.stringify(folded), updated_at: now(),
  };
}

/** What text search reads of an event: its notes, actors, places and the words of its evidence. */
function searchText(r: EventRecord): string {
  return [
    r.notes, r.actor1, r.actor2, r.assoc_actor_1, r.assoc_actor_2, r.location, r.admin1, r.admin2, r.country, r.attributed_to, r.source,
    ...r.evidence.map((e) => e.text),
  ].filter(Boolean).join('\n');
}
