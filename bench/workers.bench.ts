/**
 * The worker pool's benchmark (`npm run bench` runs it last): the same synthetic reports (events
 * told by up to four outlets) queued into a fresh PostgreSQL store, then drained by 1, 2 and 4
 * `sitrep worker --drain` processes; documents per second from the first job taken to the last
 * job done (the workers' start-up is left out), next to one SQLite process ingesting the same
 * batch. Each run's events are counted, and the runs must agree.
 *
 * The server is --pg URL, else SITREP_BENCH_PG, else SITREP_TEST_PG, else
 * postgres://postgres@127.0.0.1:5432/postgres; each run creates a database of its own there and
 * drops it afterwards. Without a reachable server the rows say so. Options: --documents N
 * (default 2000), --workers 1,2,4.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { withDatabase } from '../src/store/postgres/db.js';
import { clusterReports } from '../test/support/event-clusters.js';
import { printTable, saveResult, wholeOption, type Row } from './table.js';

const bin = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));

interface Options {
  documents: number;
  workers: number[];
  pg: string;
}

function parseOptions(argv: string[]): Options {
  const i = argv.indexOf('--pg');
  const w = argv.indexOf('--workers');
  const workers = (w >= 0 ? argv[w + 1] ?? '' : '1,2,4').split(',').map(Number);
  if (workers.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--workers wants whole numbers, as 1,2,4');
  return {
    documents: wholeOption(argv, '--documents', 2000),
    workers,
    pg: (i >= 0 ? argv[i + 1] : undefined) ?? process.env.SITREP_BENCH_PG ?? process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

function env(): NodeJS.ProcessEnv {
  const e = { ...process.env };
  delete e.SITREP_LOG;
  delete e.SITREP_DB;
  return e;
}

function sitrep(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`sitrep ${args[0]} exited ${code}: ${stderr.trim().split('\n').at(-1)}`))));
  });
}

async function withAdmin<T>(server: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** Drains the batch with `workers` processes in a new database; documents/s over the jobs' own span, and the events made. */
async function poolRun(server: string, batch: string, workers: number): Promise<{ perSecond: number; events: number; documents: number }> {
  const name = `sitrep_bench_workers_${process.pid}_${workers}`;
  await withAdmin(server, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => admin.query(`CREATE DATABASE ${name}`)));
  const url = withDatabase(server, name);
  try {
    await sitrep(['ingest', batch, '--db', url]);
    await Promise.all(Array.from({ length: workers }, () => sitrep(['worker', '--drain', '--db', url])));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const span = (await client.query<{ s: number; n: number }>(
        "SELECT extract(epoch FROM max(finished_at) - min(started_at))::float8 AS s, count(*)::int AS n FROM jobs WHERE state = 'done'",
      )).rows[0]!;
      const counts = (await client.query<{ events: number; documents: number }>('SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM documents) AS documents')).rows[0]!;
      return { perSecond: span.n / span.s, ...counts };
    } finally {
      await client.end();
    }
  } finally {
    await withAdmin(server, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

async function sqliteRun(dir: string, batch: string, documents: number): Promise<number> {
  const started = performance.now();
  await sitrep(['ingest', batch, '--db', join(dir, 'reference.db'), '--no-progress']);
  return documents / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-workers-'));
  const rows: Row[] = [];
  try {
    const reports = clusterReports(Math.ceil(options.documents / 2)).slice(0, options.documents);
    const batch = join(dir, 'batch.jsonl');
    writeFileSync(batch, reports.map((r) => JSON.stringify({ id: r.id, published: r.published, source: r.source, text: r.text })).join('\n') + '\n');
    const reachable = await withAdmin(options.pg, async () => true).catch(() => false);
    if (!reachable) {
      rows.push({ metric: 'worker throughput', value: `no PostgreSQL at ${options.pg}`, target: '-', pass: null });
    } else {
      let events: number | null = null;
      for (const workers of options.workers) {
        const r = await poolRun(options.pg, batch, workers);
        const agree = events === null || events === r.events ? '' : ` (events ${r.events}, not ${events}!)`;
        events ??= r.events;
        rows.push({ metric: `${workers} worker process(es), ${r.documents} documents`, value: `${r.perSecond.toFixed(1)} documents/s${agree}`, target: '-', pass: null });
      }
    }
    // Start-up included here (one process, read to store): the worker rows leave theirs out.
    const sqlite = await sqliteRun(dir, batch, reports.length);
    rows.push({ metric: `1 process, SQLite ingest (no queue, start-up included), ${reports.length} documents`, value: `${sqlite.toFixed(1)} documents/s`, target: '-', pass: null });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(rows);
  saveResult('workers', rows);
}

await main();
