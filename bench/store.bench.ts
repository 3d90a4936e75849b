/**
 * The store's benchmark, one run (`npm run bench` runs it after the extraction benchmark):
 *   (a) ingest throughput: 10,000 documents through the whole path (read, extract, find wire
 *       copies, store, merge across documents) into a fresh SQLite store;
 *   (b) query latency on 1,000,000 generated events (bench-events.ts), in SQLite and in
 *       PostgreSQL side by side, the same events and the same queries: a date range with a
 *       country, a bounding box, and a full-text search; p50 and p95 over 200 queries each
 *       (target p95 <= 50 ms). The generated SQLite store is kept in .bench/ (git-ignored), the
 *       PostgreSQL one in a database of its own on the server (sitrep_bench_<events>_v<version>),
 *       each reused while the generator version is unchanged;
 *   (c) API throughput: `sitrep serve` over each of those stores, GET /events?country=…&from=…
 *       on loopback with autocannon (target >= 1,000 requests/s, p99 <= 100 ms); see api.bench.ts.
 * The PostgreSQL server is --pg URL, else SITREP_BENCH_PG, else SITREP_TEST_PG, else
 * postgres://postgres@127.0.0.1:5432/postgres; without one reachable its rows say so.
 * Options: --check (exit 1 when a target fails), --documents N (default 10000), --events N
 * (default 1000000), --queries N (default 200), --pg URL, --no-pg.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Corpus, MERGER, openStore } from '../src/corpus.js';
import { createExtractor } from '../src/extract.js';
import { textToArticle } from '../src/ingest/index.js';
import { withDatabase } from '../src/store/postgres/db.js';
import { openPostgresStore } from '../src/store/postgres/store.js';
import { openSqliteStore } from '../src/store/sqlite/store.js';
import type { EventQuery, Store } from '../src/store/types.js';
import { syntheticReport } from '../test/support/synthetic-reports.js';
import { apiThroughput } from './api.bench.js';
import { countryCentres, OBJECTS, random, writePostgresEvents, writeSqliteEvents } from './bench-events.js';
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
  /** The PostgreSQL server, or null to leave PostgreSQL out. */
  pg: string | null;
}

function parseOptions(argv: string[]): Options {
  const i = argv.indexOf('--pg');
  const server = i >= 0 ? argv[i + 1] : process.env.SITREP_BENCH_PG ?? process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  return {
    check: argv.includes('--check'),
    documents: wholeOption(argv, '--documents', 10_000),
    events: wholeOption(argv, '--events', 1_000_000),
    queries: wholeOption(argv, '--queries', 200),
    pg: argv.includes('--no-pg') ? null : server ?? null,
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

/** The generated SQLite store, made on first use. */
function sqliteEvents(events: number): string {
  const dir = join(ROOT, '.bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `events-${events}-v${GENERATOR_VERSION}.db`);
  if (!existsSync(path)) {
    const t = performance.now();
    writeSqliteEvents(path, events);
    console.log(`generated ${events} events in SQLite in ${((performance.now() - t) / 1000).toFixed(0)} s (${path})`);
  }
  return path;
}

/**
 * The generated PostgreSQL store's URL, made on first use: a database of its own, renamed into
 * place only when complete (an interrupted generation leaves a *_partial database, dropped on
 * the next run).
 */
async function postgresEvents(server: string, events: number): Promise<string> {
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

/** The benchmark's queries, the same for every backend. */
function benchQueries(n: number): Array<[string, EventQuery[]]> {
  const rand = random(7);
  const centres = countryCentres();
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
  return [['date range + country', dateCountry], ['bbox (2° x 2°)', bbox], ['full-text search', text]];
}

/** (b) p50 / p95 of each kind of query on one store. */
async function queryLatency(store: Store, backend: string, events: number, n: number, rows: Row[]): Promise<void> {
  for (const [label, queries] of benchQueries(n)) {
    await timeQueries(store, queries.slice(0, 10)); // warm the page cache
    const r = await timeQueries(store, queries);
    rows.push({
      metric: `query on ${events.toLocaleString('en')} events, ${backend}: ${label}, p50 / p95`,
      value: `${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} ms`,
      target: `p95 <= ${TARGETS.queryP95Ms} ms`,
      pass: r.p95 <= TARGETS.queryP95Ms,
    });
  }
}

/** Whether a PostgreSQL server answers at `server` (a benchmark row says why not otherwise). */
async function reachable(server: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: server, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
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
  const countries = countryCentres().map((c) => c.iso3);
  const sqlitePath = sqliteEvents(options.events);
  const sqlite = openSqliteStore(sqlitePath, MERGER);
  await queryLatency(sqlite, 'SQLite', options.events, options.queries, rows);
  await sqlite.close();
  const pgTrouble = options.pg ? await reachable(options.pg) : 'left out (--no-pg)';
  let pgUrl: string | null = null;
  if (options.pg && !pgTrouble) {
    pgUrl = await postgresEvents(options.pg, options.events);
    const store = await openPostgresStore(pgUrl, MERGER);
    await queryLatency(store, `PostgreSQL (${store.spatial === 'postgis' ? 'PostGIS' : 'point GiST'})`, options.events, options.queries, rows);
    await store.close();
  } else {
    rows.push({ metric: `query on ${options.events.toLocaleString('en')} events, PostgreSQL`, value: `not measured: ${pgTrouble}`, target: '', pass: null });
  }
  for (const row of await apiThroughput(sqlitePath, countries, TARGETS)) rows.push({ ...row, metric: `${row.metric} (SQLite)` });
  if (pgUrl) for (const row of await apiThroughput(pgUrl, countries, TARGETS)) rows.push({ ...row, metric: `${row.metric} (PostgreSQL)` });
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  rows.push({ metric: 'peak RSS (store benchmark)', value: `${peakRssMb.toFixed(0)} MB`, target: '', pass: null });
  printTable(rows);
  saveResult('store', rows);
  const failed = rows.filter((r) => r.pass === false);
  if (failed.length > 0) console.log(`${failed.length} target(s) missed${options.check ? '' : ' (run with --check to fail on them)'}`);
  return options.check && failed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
