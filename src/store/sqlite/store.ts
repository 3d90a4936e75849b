/**
 * The embedded store: one SQLite file (better-sqlite3), in WAL mode so that readers (the API)
 * never wait for the writer, and each document committed in one transaction so that a process
 * killed at any moment leaves every committed document whole and no half-written one.
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { SitrepError } from '../../errors.js';
import type { CodedEvent, EventRecord } from '../../types.js';
import type {
  DocumentMeta, EventPage, EventQuery, FeedItemState, FeedPollUpdate, FeedSpec, FeedState, IngestOutcome, MergeLink, Merger, NewDocument,
  NewMention, Store, StoreStats, StoredDocument, StoredEvent, StoredMention,
} from '../types.js';
import { decodeCursor, encodeCursor, ftsQuery } from '../query.js';
import { FeedTables } from './feeds.js';
import { MIGRATIONS } from './migrations.js';

type Db = Database.Database;

interface DocumentRow {
  id: string; name: string; external_id: string | null; url: string | null; title: string | null; published: string | null;
  source: string | null; text: string; copy_of: string | null; similarity: number | null; warnings: string; ingested_at: string;
}
interface MentionRow { seq: number; id: string; document_id: string; coded: string; published: string | null; copy_of: string | null }
interface EventRow { seq: number; id: string; event_date: string; record: string; coded: string }

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
    return run.immediate();
  }

  /**
   * Puts one mention into the event it tells (refolding that event) or founds a new one. Events
   * this document already joined are not candidates: the in-document merge has already decided
   * that its mentions tell different events.
   */
  private place(mention: StoredMention, touched: ReadonlySet<string>): { eventId: string; founded: boolean } {
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

  private saveEvent(id: string, mentions: readonly StoredMention[], seq: number | null): void {
    const folded = this.merger.fold(mentions);
    const record = this.merger.record(id, folded);
    const values = eventValues(record, folded);
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
    const inter = query.withInter ? ", json_extract(coded, '$.inter1') AS inter1, json_extract(coded, '$.inter2') AS inter2" : '';
    const sql = `SELECT seq, id, event_date, record${inter} FROM events ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY event_date DESC, seq DESC LIMIT ?`;
    const rows = this.statement(sql).all(...params, limit + 1) as Array<EventRow & { inter1?: number | null; inter2?: number | null }>;
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
    mentionsOfEvent: db.prepare(
      `SELECT m.seq, m.id, m.document_id, m.coded, d.published, d.copy_of FROM event_mentions em
       JOIN mentions m ON m.id = em.mention_id JOIN documents d ON d.id = m.document_id
       WHERE em.event_id = ? ORDER BY m.seq`,
    ),
    allMentions: db.prepare('SELECT m.seq, m.id, m.document_id, m.coded, d.published, d.copy_of FROM mentions m JOIN documents d ON d.id = m.document_id ORDER BY m.seq'),
    insertEvent: db.prepare(
      `INSERT INTO events (id, event_date, date_end, event_type, sub_event_type, actor1, actor2, country, iso3, admin1, latitude, longitude, fatalities, status, record, coded, updated_at)
       VALUES (@id, @event_date, @date_end, @event_type, @sub_event_type, @actor1, @actor2, @country, @iso3, @admin1, @latitude, @longitude, @fatalities, @status, @record, @coded, @updated_at)`,
    ),
    updateEvent: db.prepare(
      `UPDATE events SET event_date = @event_date, date_end = @date_end, event_type = @event_type, sub_event_type = @sub_event_type,
       actor1 = @actor1, actor2 = @actor2, country = @country, iso3 = @iso3, admin1 = @admin1, latitude = @latitude, longitude = @longitude,
       fatalities = @fatalities, status = @status, record = @record, coded = @coded, updated_at = @updated_at WHERE id = @id`,
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
    fatalities: r.fatalities, status: r.status, record: JSON.stringify(r), coded: JSON.stringify(folded), updated_at: now(),
  };
}

/** What text search reads of an event: its notes, actors, places and the words of its evidence. */
function searchText(r: EventRecord): string {
  return [
    r.notes, r.actor1, r.actor2, r.assoc_actor_1, r.assoc_actor_2, r.location, r.admin1, r.admin2, r.country, r.attributed_to, r.source,
    ...r.evidence.map((e) => e.text),
  ].filter(Boolean).join('\n');
}

/** SQL conditions for a query; every value is a bound parameter, never spliced into the SQL. */
function conditions(q: EventQuery): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]): void => {
    where.push(sql);
    params.push(...values);
  };
  if (q.from) add('event_date >= ?', q.from);
  if (q.to) add('event_date <= ?', q.to);
  // One branch per form, so that each can use its index (an OR of the two could use neither).
  if (q.country) {
    if (/^[A-Za-z]{3}$/.test(q.country)) add('iso3 = ?', q.country.toUpperCase());
    else add('country = ? COLLATE NOCASE', q.country);
  }
  if (q.admin1) add('admin1 = ? COLLATE NOCASE', q.admin1);
  if (q.type) add('event_type = ? COLLATE NOCASE', q.type);
  if (q.subType) add('sub_event_type = ? COLLATE NOCASE', q.subType);
  if (q.status) add('status = ?', q.status);
  if (q.minFatalities !== undefined) add('fatalities >= ?', q.minFatalities);
  if (q.actor) {
    const like = `%${q.actor.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    add("(actor1 LIKE ? ESCAPE '\\' OR actor2 LIKE ? ESCAPE '\\')", like, like);
  }
  if (q.bbox) {
    add('seq IN (SELECT seq FROM events_rtree WHERE min_lat >= ? AND max_lat <= ? AND min_lon >= ? AND max_lon <= ?)', q.bbox.minLat, q.bbox.maxLat, q.bbox.minLon, q.bbox.maxLon);
  }
  if (q.near) {
    const { lat, lon, km } = q.near;
    const dLat = km / 111.2;
    const dLon = km / (111.2 * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
    add('seq IN (SELECT seq FROM events_rtree WHERE min_lat >= ? AND max_lat <= ? AND min_lon >= ? AND max_lon <= ?)', lat - dLat, lat + dLat, lon - dLon, lon + dLon);
    // Great-circle distance (haversine) on the candidates the box leaves.
    add(
      '12742 * asin(sqrt(power(sin(radians(latitude - ?) / 2), 2) + cos(radians(?)) * cos(radians(latitude)) * power(sin(radians(longitude - ?) / 2), 2))) <= ?',
      lat, lat, lon, km,
    );
  }
  if (q.text !== undefined && q.text !== '') {
    const match = ftsQuery(q.text);
    // Text with no word in it ("*", "%") matches no event rather than lifting the filter.
    if (match) add('seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)', match);
    else where.push('0 = 1');
  }
  if (q.cursor) {
    const { date, seq } = decodeCursor(q.cursor);
    add('(event_date < ? OR (event_date = ? AND seq < ?))', date, date, seq);
  }
  return { where, params };
}
