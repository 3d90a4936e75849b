/**
 * Synthetic event stores for the benchmarks that need many events (the store's queries and
 * API, the workbench in the browser): plausible events around the capitals of 120 countries,
 * written straight into the store's schema (merging a million mentions would measure the
 * generator, not the queries). Seeded: the same store on every run. A generated SQLite store is
 * kept in .bench/ (git-ignored), a PostgreSQL one in a database of its own on the server
 * (sitrep_bench_<events>_v<version>), each reused while GENERATOR_VERSION is unchanged; both
 * hold the same events, so their query latencies compare.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { MERGER } from '../src/corpus.js';
import { withDatabase } from '../src/store/postgres/db.js';
import { openPostgresStore } from '../src/store/postgres/store.js';
import { searchWords } from '../src/store/query.js';
import { openSqliteStore } from '../src/store/sqlite/store.js';
import { ALL_SUB_EVENT_TYPES, eventTypeOf } from '../src/taxonomy.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Bump when the generated store changes, so an old cached one is rebuilt. */
export const GENERATOR_VERSION = 1;

/** A small seeded generator (mulberry32): the same store and the same queries on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CountryCentre {
  iso3: string;
  name: string;
  lat: number;
  lon: number;
}

export function countryCentres(): CountryCentre[] {
  const countries = JSON.parse(readFileSync(join(ROOT, 'data', 'countries.json'), 'utf8')) as Array<{ iso2: string; iso3: string; name: string }>;
  const byIso2 = new Map(countries.map((c) => [c.iso2, c]));
  const rows = readFileSync(join(ROOT, 'data', 'geo', 'countries.tsv'), 'utf8').trim().split('\n').slice(1);
  return rows
    .map((line) => line.split('\t'))
    .map(([iso2, lat, lon]) => ({ c: byIso2.get(iso2 ?? ''), lat: Number(lat), lon: Number(lon) }))
    .filter((x): x is { c: { iso2: string; iso3: string; name: string }; lat: number; lon: number } => !!x.c && Number.isFinite(x.lat))
    .map(({ c, lat, lon }) => ({ iso3: c.iso3, name: c.name, lat, lon }));
}

const SYLLABLES = ['ka', 'ra', 'mo', 'su', 'li', 'den', 'bar', 'tal', 'ish', 'go', 'ne', 'vik', 'ab', 'ul', 'zan', 'pol'];
export const OBJECTS = ['market', 'checkpoint', 'hospital', 'convoy', 'school', 'mosque', 'church', 'bridge', 'airport', 'village', 'camp', 'police station'];

export interface BenchEvent {
  id: string; date: string; type: string; sub: string; actor1: string; actor2: string; country: string; iso3: string; admin1: string;
  latitude: number; longitude: number; fatalities: number; record: string; search: string;
}

export function* benchEvents(count: number): Generator<BenchEvent> {
  const centres = countryCentres().slice(0, 120);
  const rand = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const day0 = Date.UTC(2019, 0, 1);
  for (let i = 0; i < count; i++) {
    const c = pick(centres);
    const sub = pick(ALL_SUB_EVENT_TYPES);
    const type = eventTypeOf(sub)!;
    const date = new Date(day0 + Math.floor(rand() * 6 * 365) * 86_400_000).toISOString().slice(0, 10);
    const town = pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES);
    const location = town[0]!.toUpperCase() + town.slice(1);
    const lat = c.lat + (rand() - 0.5) * 4;
    const lon = c.lon + (rand() - 0.5) * 4;
    const fatalities = rand() < 0.6 ? 0 : Math.floor(rand() * 30);
    const actor1 = `Military Forces of ${c.name}`;
    const actor2 = `Civilians (${c.name})`;
    const notes = `On ${date}, ${actor1} struck a ${pick(OBJECTS)} in ${location} (${c.name}). ${fatalities} fatalities.`;
    const id = `evbench${i.toString(36).padStart(8, '0')}`;
    const record = {
      id, event_date: date, date_end: null, time_precision: 1, event_type: type, sub_event_type: sub, actor1, actor2,
      assoc_actor_1: null, assoc_actor_2: null, country: c.name, iso3: c.iso3, admin1: `${location} Province`, admin2: null,
      location, latitude: Math.round(lat * 1e4) / 1e4, longitude: Math.round(lon * 1e4) / 1e4, geo_precision: 1, fatalities,
      counts: fatalities ? { killed: { low: fatalities, high: null } } : {}, status: 'occurred', attributed_to: null, source: 'Bench Wire',
      notes, evidence: [{ doc: 'dbench', start: 0, end: notes.length, text: notes }], confidence: 0.7,
    };
    yield {
      id, date, type, sub, actor1, actor2, country: c.name, iso3: c.iso3, admin1: record.admin1, latitude: record.latitude, longitude: record.longitude,
      fatalities, record: JSON.stringify(record), search: `${notes}\n${actor1}\n${actor2}\n${location}\n${c.name}`,
    };
  }
}

/** A SQLite store of `count` generated events at `path` (written beside it, then renamed). */
function generateStore(path: string, count: number): void {
  const tmp = `${path}.partial`;
  rmSync(tmp, { force: true });
  void openSqliteStore(tmp, MERGER).close(); // creates the schema through the store's own migrations
  const db = new Database(tmp);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const insertEvent = db.prepare(
    `INSERT INTO events (id, event_date, date_end, event_type, sub_event_type, actor1, actor2, country, iso3, admin1, latitude, longitude, fatalities, status, record, coded, updated_at)
     VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'occurred', ?, '{}', '2026-01-01T00:00:00Z')`,
  );
  const insertFts = db.prepare('INSERT INTO events_fts (rowid, text) VALUES (?, ?)');
  const insertRtree = db.prepare('INSERT INTO events_rtree (seq, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const e of benchEvents(count)) {
      const seq = Number(insertEvent.run(e.id, e.date, e.type, e.sub, e.actor1, e.actor2, e.country, e.iso3, e.admin1, e.latitude, e.longitude, e.fatalities, e.record).lastInsertRowid);
      insertFts.run(seq, e.search);
      insertRtree.run(seq, e.latitude, e.latitude, e.longitude, e.longitude);
    }
  })();
  db.pragma('optimize');
  db.close();
  renameSync(tmp, path);
}

const PG_COLUMNS = ['id', 'event_date', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'country', 'iso3', 'admin1', 'latitude', 'longitude', 'fatalities', 'record'] as const;
const PG_TYPES = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'float8', 'float8', 'int', 'text'] as const;

/**
 * A PostgreSQL store of `count` generated events in the database at `url` (which must be
 * empty), through the store's own migrations, then multi-row inserts of 5,000 events each
 * (arrays unnested server-side: one round trip per batch).
 */
async function writePostgresEvents(url: string, count: number): Promise<void> {
  await (await openPostgresStore(url, MERGER)).close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const arrays = PG_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
    const sql = `INSERT INTO events (${PG_COLUMNS.join(', ')}, status, coded, updated_at, search)
      SELECT ${PG_COLUMNS.map((c) => `u.${c}`).join(', ')}, 'occurred', '{}', '2026-01-01T00:00:00Z', array_to_tsvector(string_to_array(u.words, ' '))
      FROM unnest(${arrays}, $${PG_TYPES.length + 1}::text[]) AS u(${PG_COLUMNS.join(', ')}, words)`;
    let batch: BenchEvent[] = [];
    const flush = async (): Promise<void> => {
      const columns: unknown[][] = [
        batch.map((e) => e.id), batch.map((e) => e.date), batch.map((e) => e.type), batch.map((e) => e.sub), batch.map((e) => e.actor1),
        batch.map((e) => e.actor2), batch.map((e) => e.country), batch.map((e) => e.iso3), batch.map((e) => e.admin1), batch.map((e) => e.latitude),
        batch.map((e) => e.longitude), batch.map((e) => e.fatalities), batch.map((e) => e.record), batch.map((e) => searchWords(e.search).join(' ')),
      ];
      await client.query(sql, columns);
      batch = [];
    };
    for (const e of benchEvents(count)) {
      batch.push(e);
      if (batch.length === 5000) await flush();
    }
    if (batch.length > 0) await flush();
    await client.query('VACUUM ANALYZE events');
  } finally {
    await client.end();
  }
}

/** The path of a generated store of `events` events in .bench/, generating it first when missing. */
export function generatedStore(events: number): string {
  const dir = join(ROOT, '.bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `events-${events}-v${GENERATOR_VERSION}.db`);
  if (!existsSync(path)) {
    const t = performance.now();
    generateStore(path, events);
    console.log(`generated ${events} events in ${((performance.now() - t) / 1000).toFixed(0)} s (${path})`);
  }
  return path;
}

/**
 * The URL of a generated PostgreSQL store of `events` events on `server`, generating it first
 * when missing: a database of its own, renamed into place only when complete (an interrupted
 * generation leaves a *_partial database, dropped on the next run).
 */
export async function generatedPostgresStore(server: string, events: number): Promise<string> {
  const name = `sitrep_bench_${events}_v${GENERATOR_VERSION}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (!exists) {
      const t = performance.now();
      await admin.query(`DROP DATABASE IF EXISTS ${name}_partial WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}_partial`);
      await writePostgresEvents(withDatabase(server, `${name}_partial`), events);
      await admin.query(`ALTER DATABASE ${name}_partial RENAME TO ${name}`);
      console.log(`generated ${events} events in PostgreSQL in ${((performance.now() - t) / 1000).toFixed(0)} s (database ${name})`);
    }
  } finally {
    await admin.end();
  }
  return withDatabase(server, name);
}
