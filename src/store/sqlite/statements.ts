/** The SQLite store's prepared statements, made once per connection. */
import type Database from 'better-sqlite3';
import { MAX_CANDIDATES } from '../fold.js';
import type { NewDocument } from '../types.js';

export type Statements = ReturnType<typeof prepareStatements>;

export function prepareStatements(db: Database.Database) {
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
      `SELECT seq, id, event_date, coded FROM events WHERE iso3 = ? AND event_date BETWEEN ? AND ? ORDER BY abs(julianday(event_date) - julianday(?)), seq LIMIT ${MAX_CANDIDATES}`,
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

export function insertDocument(s: Statements, doc: NewDocument, copyOf: { id: string; similarity: number } | null, at: string): void {
  s.insertDocument.run({
    id: doc.id, name: doc.meta.name, externalId: doc.meta.externalId, url: doc.meta.url, title: doc.meta.title,
    published: doc.meta.published, source: doc.meta.source, text: doc.text, signature: doc.signature,
    copyOf: copyOf?.id ?? null, similarity: copyOf?.similarity ?? null, warnings: JSON.stringify(doc.warnings), ingestedAt: at,
  });
  for (const band of doc.bands) s.insertBand.run(band, doc.id);
}
