/**
 * The PostgreSQL schema, as numbered migrations applied in order and recorded in
 * `schema_migrations`, each in its own transaction, under an advisory lock so that several
 * workers and API servers starting at once apply each migration once. Never edit a released
 * migration; add the next one.
 *
 * The tables and columns are SQLite's (src/store/sqlite/migrations.ts), so the rows mean the
 * same in both; what SQLite does with virtual tables PostgreSQL does with its own means:
 * full-text search is a tsvector column under a GIN index, actor search a trigram index
 * (pg_trgm), and the spatial index PostGIS's GiST over a geometry column when the extension
 * can be created, else a GiST over the core `point` type (no extension needed).
 */
import type pg from 'pg';
import { SitrepError } from '../../errors.js';
import { lockKey, type Sql } from './db.js';

export type SpatialMode = 'postgis' | 'portable';

export interface MigrationContext {
  /** 'portable' keeps PostGIS out even where it could be created (tests of the fallback). */
  spatial: 'auto' | 'portable';
}

interface Migration {
  version: number;
  name: string;
  run(client: Sql, context: MigrationContext): Promise<void>;
}

const sql = (text: string) => async (client: Sql): Promise<void> => {
  await client.query(text);
};

/** Creates an extension if the server has it and lets this user; false (and nothing changed) otherwise. */
async function tryExtension(client: Sql, name: string): Promise<boolean> {
  await client.query('SAVEPOINT extension');
  try {
    await client.query(`CREATE EXTENSION IF NOT EXISTS ${name}`);
    await client.query('RELEASE SAVEPOINT extension');
    return true;
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT extension');
    return false;
  }
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, mentions, events, links, tokens, settings',
    run: sql(`
      CREATE TABLE store_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

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
        similarity DOUBLE PRECISION,
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
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        document_id TEXT NOT NULL REFERENCES documents(id),
        coded TEXT NOT NULL
      );
      CREATE INDEX mentions_document ON mentions(document_id);

      -- Records are kept as JSON text, not jsonb, so that they come back byte for byte as written.
      CREATE TABLE events (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        event_date TEXT COLLATE "C" NOT NULL,
        date_end TEXT COLLATE "C",
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        actor1 TEXT NOT NULL,
        actor2 TEXT,
        country TEXT NOT NULL,
        iso3 TEXT NOT NULL,
        admin1 TEXT,
        latitude DOUBLE PRECISION NOT NULL,
        longitude DOUBLE PRECISION NOT NULL,
        fatalities INTEGER NOT NULL,
        status TEXT NOT NULL,
        review_state TEXT,
        record TEXT NOT NULL,
        coded TEXT NOT NULL,
        search TSVECTOR NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX events_iso3_date ON events(iso3, event_date);
      CREATE INDEX events_date ON events(event_date, seq);
      -- Case-insensitive filters compare lower() on both sides, so these indexes serve them.
      CREATE INDEX events_country_date ON events(lower(country), event_date);
      CREATE INDEX events_admin1 ON events(lower(admin1));
      CREATE INDEX events_sub_type_date ON events(lower(sub_event_type), event_date);
      CREATE INDEX events_fatalities ON events(fatalities);
      CREATE INDEX events_search ON events USING gin (search);

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
    `),
  },
  {
    version: 2,
    name: 'spatial index (PostGIS where it can be created, else GiST over point) and trigram actor index',
    async run(client, context) {
      const postgis = context.spatial === 'auto' && (await tryExtension(client, 'postgis'));
      if (postgis) {
        await client.query(`
          ALTER TABLE events ADD COLUMN geom geometry(Point, 4326)
            GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)) STORED;
          CREATE INDEX events_geom ON events USING gist (geom);
        `);
      } else {
        await client.query('CREATE INDEX events_point ON events USING gist (point(longitude, latitude))');
      }
      await client.query("INSERT INTO store_settings (key, value) VALUES ('spatial', $1)", [postgis ? 'postgis' : 'portable']);
      // Actor filters are substrings ("shabaab"): a trigram index serves ILIKE '%…%'. Without
      // pg_trgm they scan, as they do in SQLite.
      if (await tryExtension(client, 'pg_trgm')) {
        await client.query('CREATE INDEX events_actors ON events USING gin (actor1 gin_trgm_ops, actor2 gin_trgm_ops)');
      }
    },
  },
  {
    version: 3,
    name: 'feeds and the items each has shown (sitrep watch)',
    run: sql(`
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
    `),
  },
  {
    version: 4,
    name: 'review: reviewers\' decisions, their audit log and the reports they pin to events',
    run: sql(`
      CREATE TABLE event_reviews (
        event_id TEXT PRIMARY KEY,
        confirmed BOOLEAN NOT NULL DEFAULT false,
        rejected BOOLEAN NOT NULL DEFAULT false,
        edits TEXT NOT NULL DEFAULT '{}',
        reviewer TEXT NOT NULL,
        reviewed_at TEXT NOT NULL
      );

      CREATE TABLE reviews (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        reviewed_at TEXT NOT NULL,
        action TEXT NOT NULL,
        before TEXT,
        after TEXT,
        note TEXT
      );
      CREATE INDEX reviews_event ON reviews(event_id, seq);

      CREATE TABLE mention_pins (
        mention_id TEXT PRIMARY KEY REFERENCES mentions(id),
        event_id TEXT NOT NULL,
        why TEXT NOT NULL
      );
      CREATE INDEX mention_pins_event ON mention_pins(event_id);
    `),
  },
];

export const NEWEST_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/** The versions applied so far (none in a database sitrep has never used). */
export async function appliedVersions(client: Sql): Promise<Set<number>> {
  const exists = await client.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!exists.rows[0]?.t) return new Set();
  const rows = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
  return new Set(rows.rows.map((r) => r.version));
}

/** Brings the schema up to date; refuses a database whose schema is newer than this sitrep's. */
export async function migrate(pool: pg.Pool, location: string, context: MigrationContext): Promise<void> {
  const client = await pool.connect();
  const key = lockKey('migrate');
  try {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [key]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = await appliedVersions(client);
    const newest = Math.max(0, ...applied);
    if (newest > NEWEST_VERSION) {
      throw new SitrepError('E_STORE', `${location} has schema version ${newest}, newer than this sitrep knows (${NEWEST_VERSION})`, 'upgrade sitrep');
    }
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await m.run(client, context);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [key]).catch(() => undefined);
    client.release();
  }
}

/** Which spatial index the store was created with. */
export async function spatialMode(client: Sql): Promise<SpatialMode> {
  const row = await client.query<{ value: string }>("SELECT value FROM store_settings WHERE key = 'spatial'");
  return row.rows[0]?.value === 'postgis' ? 'postgis' : 'portable';
}
