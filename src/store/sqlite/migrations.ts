/**
 * The SQLite schema, as numbered migrations applied in order and recorded in
 * `schema_migrations`. Never edit a released migration; add the next one.
 *
 * The core tables use portable SQL (TEXT, INTEGER, REAL, plain indexes) so that the PostgreSQL
 * backend can carry the same columns; full-text search (FTS5) and the spatial index (R*Tree)
 * are SQLite's own and have PostgreSQL counterparts (tsvector, GiST) in that backend.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, mentions, events, links, tokens',
    sql: `
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        external_id TEXT,
        url TEXT,
        title TEXT,
        published TEXT,
        source TEXT,
        text TEXT NOT NULL,
        signature TEXT NOT NULL,
        copy_of TEXT REFERENCES documents(id),
        similarity REAL,
        warnings TEXT NOT NULL DEFAULT '[]',
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX documents_external_id ON documents(external_id);

      -- LSH band keys of each document's MinHash signature: equal keys mean candidate copies.
      CREATE TABLE document_bands (
        band TEXT NOT NULL,
        document_id TEXT NOT NULL REFERENCES documents(id),
        PRIMARY KEY (band, document_id)
      );

      CREATE TABLE mentions (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        document_id TEXT NOT NULL REFERENCES documents(id),
        coded TEXT NOT NULL
      );
      CREATE INDEX mentions_document ON mentions(document_id);

      CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        event_date TEXT NOT NULL,
        date_end TEXT,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        actor1 TEXT NOT NULL,
        actor2 TEXT,
        country TEXT NOT NULL,
        iso3 TEXT NOT NULL,
        admin1 TEXT,
        latitude REAL NOT NULL,
        longitude REAL NOT NULL,
        fatalities INTEGER NOT NULL,
        status TEXT NOT NULL,
        record TEXT NOT NULL,
        coded TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX events_iso3_date ON events(iso3, event_date);
      CREATE INDEX events_date ON events(event_date, seq);
      CREATE INDEX events_country_date ON events(country, event_date);
      CREATE INDEX events_sub_type_date ON events(sub_event_type, event_date);
      CREATE INDEX events_fatalities ON events(fatalities);

      CREATE TABLE event_mentions (
        mention_id TEXT PRIMARY KEY REFERENCES mentions(id),
        event_id TEXT NOT NULL REFERENCES events(id),
        why TEXT NOT NULL
      );
      CREATE INDEX event_mentions_event ON event_mentions(event_id);

      CREATE TABLE tokens (
        name TEXT PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'full-text and spatial indexes (SQLite FTS5, R*Tree)',
    sql: `
      CREATE VIRTUAL TABLE events_fts USING fts5(
        text, tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE VIRTUAL TABLE events_rtree USING rtree(seq, min_lat, max_lat, min_lon, max_lon);
    `,
  },
  {
    version: 3,
    name: 'country index that case-insensitive look-ups can use',
    sql: `
      DROP INDEX events_country_date;
      CREATE INDEX events_country_date ON events(country COLLATE NOCASE, event_date);
    `,
  },
  {
    version: 4,
    name: 'feeds and the items each has shown (sitrep watch)',
    // Portable SQL: TEXT ids and ISO-8601 times as the other tables keep them; ON DELETE CASCADE
    // so that removing a feed forgets its items (the documents they brought stay).
    sql: `
      CREATE TABLE feeds (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        name TEXT,
        title TEXT,
        interval_seconds INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        last_poll_at TEXT,
        last_success_at TEXT,
        next_poll_at TEXT,
        etag TEXT,
        last_modified TEXT,
        consecutive_errors INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      );

      -- Each item a feed has shown, by its guid (else its link): a restart re-ingests none.
      CREATE TABLE feed_items (
        feed_id TEXT NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        item_key TEXT NOT NULL,
        url TEXT,
        status TEXT NOT NULL,
        document_id TEXT REFERENCES documents(id),
        attempts INTEGER NOT NULL,
        last_error TEXT,
        first_seen_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (feed_id, item_key)
      );
      CREATE INDEX feed_items_document ON feed_items(document_id);
    `,
  },
  {
    version: 5,
    name: 'review: reviewers\' decisions, their audit log and the reports they pin to events',
    sql: `
      -- The current review of an event: what the reviewers decided, kept apart from the events
      -- table because remerge rebuilds events from the mentions and this must outlive that.
      CREATE TABLE event_reviews (
        event_id TEXT PRIMARY KEY,
        confirmed INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0,
        edits TEXT NOT NULL DEFAULT '{}',
        reviewer TEXT NOT NULL,
        reviewed_at TEXT NOT NULL
      );

      -- Every review action, in order: who, when, what, and the record before and after.
      CREATE TABLE reviews (
        seq INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        reviewed_at TEXT NOT NULL,
        action TEXT NOT NULL,
        before TEXT,
        after TEXT,
        note TEXT
      );
      CREATE INDEX reviews_event ON reviews(event_id, seq);

      -- A reviewer's word on which event a report tells (merge, split, or any review, which
      -- freezes the event's reports): it wins over the merge rules, also in remerge.
      CREATE TABLE mention_pins (
        mention_id TEXT PRIMARY KEY REFERENCES mentions(id),
        event_id TEXT NOT NULL,
        why TEXT NOT NULL
      );
      CREATE INDEX mention_pins_event ON mention_pins(event_id);

      ALTER TABLE events ADD COLUMN review_state TEXT;
      UPDATE events SET record = json_set(record, '$.reviewed', json('null'));
    `,
  },
];
