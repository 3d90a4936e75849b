/**
 * The store's benchmark, one run (`npm run bench` runs it after the extraction benchmark):
 *   (a) ingest throughput: 10,000 documents through the whole path (read, extract, find wire
 *       copies, store, merge across documents) into a fresh SQLite store;
 *   (b) query latency on a store of 1,000,000 generated events: a date range with a country, a
 *       bounding box, and a full-text search; p50 and p95 over 200 queries each (target p95
 *       <= 50 ms). The generated store is kept in .bench/ (git-ignored) and reused while its
 *       generator version is unchanged; it is written straight into the store's schema, since
 *       merging a million mentions would measure the generator, not the queries;
 *   (c) API throughput: `sitrep serve` over that store, GET /events?country=…&from=… on loopback
 *       with autocannon (target >= 1,000 requests/s, p99 <= 100 ms); see api.bench.ts.
 * Options: --check (exit 1 when a target fails), --documents N (default 10000), --events N
 * (default 1000000), --queries N (default 200).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Corpus, MERGER, openStore } from '../src/corpus.js';
import { createExtractor } from '../src/extract.js';
import { textToArticle } from '../src/ingest/index.js';
import { openSqliteStore } from '../src/store/sqlite/store.js';
import type { EventQuery, Store } from '../src/store/types.js';
import { ALL_SUB_EVENT_TYPES, eventTypeOf } from '../src/taxonomy.js';
import { syntheticReport } from '../test/support/synthetic-reports.js';
import { apiThroughput } from './api.bench.js';
import { percentile, printTable, saveResult, wholeOption, type Row } from './table.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARGETS = { queryP95Ms: 50, apiRequestsPerSecond: 1000, apiP99Ms: 100 };
/** Bump when the generated store changes, so an old cached one is rebuilt. */
const GENERATOR_VERSION = 1;

interface Options {
  check: boolean;
  documents: number;
  events: number;
  queries: number;
}

function parseOptions(argv: string[]): Options {
  return {
    check: argv.includes('--check'),
    documents: wholeOption(argv, '--documents', 10_000),
    events: wholeOption(argv, '--events', 1_000_000),
    queries: wholeOption(argv, '--queries', 200),
  };
}

/** A small seeded generator (mulberry32): the same store and the same queries on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** (a) Documents per second through the whole ingest path. */
async function ingestThroughput(documents: number): Promise<{ seconds: number; events: number; copies: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-ingest-'));
  const store = openStore(join(dir, 'ingest.db'));
  const corpus = new Corpus(store, createExtractor());
  let events = 0;
  let copies = 0;
  const started = performance.now();
  for (let i = 0; i < documents; i++) {
    const r = syntheticReport(i);
    const outcome = await corpus.ingest({ article: textToArticle(r.text), meta: { name: r.id, externalId: r.id, published: r.published, source: r.source } });
    events += outcome.eventsNew;
    if (outcome.status === 'copy') copies++;
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { seconds, events, copies };
}

interface CountryCentre {
  iso3: string;
  name: string;
  lat: number;
  lon: number;
}

function countryCentres(): CountryCentre[] {
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
const OBJECTS = ['market', 'checkpoint', 'hospital', 'convoy', 'school', 'mosque', 'church', 'bridge', 'airport', 'village', 'camp', 'police station'];

/** (b) Writes `count` plausible events straight into the store's schema (see the header). */
function generateStore(path: string, count: number): void {
  const tmp = `${path}.partial`;
  rmSync(tmp, { force: true });
  void openSqliteStore(tmp, MERGER).close(); // creates the schema through the store's own migrations
  const db = new Database(tmp);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const centres = countryCentres().slice(0, 120);
  const rand = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const insertEvent = db.prepare(
    `INSERT INTO events (id, event_date, date_end, event_type, sub_event_type, actor1, actor2, country, iso3, admin1, latitude, longitude, fatalities, status, record, coded, updated_at)
     VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'occurred', ?, '{}', '2026-01-01T00:00:00Z')`,
  );
  const insertFts = db.prepare('INSERT INTO events_fts (rowid, text) VALUES (?, ?)');
  const insertRtree = db.prepare('INSERT INTO events_rtree (seq, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)');
  const day0 = Date.UTC(2019, 0, 1);
  db.transaction(() => {
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
      const seq = Number(insertEvent.run(id, date, type, sub, actor1, actor2, c.name, c.iso3, record.admin1, record.latitude, record.longitude, fatalities, JSON.stringify(record)).lastInsertRowid);
      insertFts.run(seq, `${notes}\n${actor1}\n${actor2}\n${location}\n${c.name}`);
      insertRtree.run(seq, record.latitude, record.latitude, record.longitude, record.longitude);
    }
  })();
  db.pragma('optimize');
  db.close();
  renameSync(tmp, path);
}

async function timeQueries(store: Store, queries: EventQuery[]): Promise<{ p50: number; p95: number; rows: number }> {
  const times: number[] = [];
  let rows = 0;
  for (const q of queries) {
    const t = performance.now();
    rows += (await store.findEvents({ ...q, limit: 100 })).events.length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), rows };
}

async function queryLatency(events: number, n: number, rows: Row[]): Promise<string | null> {
  const dir = join(ROOT, '.bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `events-${events}-v${GENERATOR_VERSION}.db`);
  if (!existsSync(path)) {
    const t = performance.now();
    generateStore(path, events);
    console.log(`generated ${events} events in ${((performance.now() - t) / 1000).toFixed(0)} s (${path})`);
  }
  const store = openSqliteStore(path, MERGER);
  const rand = random(7);
  const centres = countryCentres().slice(0, 120);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const day = (): string => new Date(Date.UTC(2019, 0, 1) + Math.floor(rand() * 6 * 365) * 86_400_000).toISOString().slice(0, 10);
  const dateCountry: EventQuery[] = [];
  const bbox: EventQuery[] = [];
  const text: EventQuery[] = [];
  for (let k = 0; k < n; k++) {
    const from = day();
    const to = new Date(Date.parse(from) + 30 * 86_400_000).toISOString().slice(0, 10);
    dateCountry.push({ from, to, country: pick(centres).iso3 });
    const c = pick(centres);
    bbox.push({ bbox: { minLon: c.lon - 1, minLat: c.lat - 1, maxLon: c.lon + 1, maxLat: c.lat + 1 } });
    text.push({ text: `${pick(OBJECTS)} ${pick(centres).name}` });
  }
  for (const [label, queries] of [['date range + country', dateCountry], ['bbox (2° x 2°)', bbox], ['full-text search', text]] as const) {
    await timeQueries(store, queries.slice(0, 10)); // warm the page cache
    const r = await timeQueries(store, queries);
    rows.push({
      metric: `query on ${events.toLocaleString('en')} events: ${label}, p50 / p95`,
      value: `${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} ms`,
      target: `p95 <= ${TARGETS.queryP95Ms} ms`,
      pass: r.p95 <= TARGETS.queryP95Ms,
    });
  }
  await store.close();
  return path;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const rows: Row[] = [];
  const ingest = await ingestThroughput(options.documents);
  rows.push({
    metric: `ingest: ${options.documents.toLocaleString('en')} documents (extract, copies, store, merge)`,
    value: `${(options.documents / ingest.seconds).toFixed(0)} documents/s`,
    target: '',
    pass: null,
  });
  rows.push({ metric: 'ingest: events founded / wire copies found', value: `${ingest.events} / ${ingest.copies}`, target: '', pass: null });
  const storePath = await queryLatency(options.events, options.queries, rows);
  if (storePath) rows.push(...(await apiThroughput(storePath, countryCentres().slice(0, 120).map((c) => c.iso3), TARGETS)));
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  rows.push({ metric: 'peak RSS (store benchmark)', value: `${peakRssMb.toFixed(0)} MB`, target: '', pass: null });
  printTable(rows);
  saveResult('store', rows);
  const failed = rows.filter((r) => r.pass === false);
  if (failed.length > 0) console.log(`${failed.length} target(s) missed${options.check ? '' : ' (run with --check to fail on them)'}`);
  return options.check && failed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
