/**
 * The worker pool under fire: 5,000 synthetic reports (events told by up to four outlets each)
 * queued into a PostgreSQL store, four `sitrep worker` processes draining the queue, one of
 * them killed with SIGKILL while it holds a job. Afterwards every document is stored exactly
 * once, no job was completed twice, the killed worker's job was taken over after its lease, a
 * poison job ended `failed` with its error, and the events equal those of a single-process
 * SQLite ingest of the same batch in the order the workers' merges ran (compared as records
 * without their ids); against the batch's own order at most 1% differ (the greedy join, see
 * src/merge/across.ts "Limits").
 *
 * Runs when SITREP_TEST_PG names a PostgreSQL server (.ci/run sets it); creates and drops a
 * database of its own there. Skipped, and saying so, without one.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { MERGER, openStore } from '../src/corpus.js';
import { openPostgresStore } from '../src/store/postgres/store.js';
import { PG_ENV, pgDatabase } from '../src/store/test-backends.js';
import type { Store } from '../src/store/types.js';
import { clusterReports } from './support/event-clusters.js';
import { serveOutlet } from './support/feed-fixtures.js';
import { startTestServer } from './support/http-server.js';

const bin = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const DOCUMENTS = 5000;
const WORKERS = 4;
const LEASE_SECONDS = 5;

const server = process.env[PG_ENV];
if (!server) console.warn(`SKIPPED: worker pool test (set ${PG_ENV})`);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function cliEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.SITREP_LOG;
  delete env.SITREP_LOG_LEVEL;
  delete env.SITREP_DB;
  return env;
}

function run(args: string[]): Promise<{ status: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: cliEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Every event of a store as its record without the id (which follows from arrival order), sorted. */
async function canonicalEvents(store: Store): Promise<string[]> {
  const records: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.findEvents({ limit: 1000, cursor, review: 'all' });
    for (const { id: _id, ...record } of page.events) records.push(JSON.stringify(record));
    cursor = page.next;
  } while (cursor);
  return records.sort();
}

test('worker and jobs on a SQLite store: one line saying they need PostgreSQL, exit 2', async () => {
  const sqlitePath = join(tmpdir(), `sitrep-no-queue-${process.pid}.db`);
  for (const args of [['worker', '--db', sqlitePath], ['jobs', '--db', sqlitePath]]) {
    const r = await run(args);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^sitrep: (sitrep worker needs a PostgreSQL store|the job queue lives in a PostgreSQL store) \(give --db postgres:\/\/… or SITREP_DB; .*\)\n$/);
  }
  const bad = await run(['worker', '--db', 'postgres://postgres@127.0.0.1:1/none', '--concurrency', '0']);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, 'sitrep: --concurrency wants a whole number from 1 to 64, not "0"\n');
});

describe('worker pool', { skip: server ? false : `SKIPPED: worker pool test (set ${PG_ENV})` }, () => {
  const db = pgDatabase(server ?? '', '_workers');
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-workers-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test(`${WORKERS} workers, ${DOCUMENTS} documents, one worker killed mid-job: each document once, the same events as one SQLite process storing them in the same order`, { timeout: 900_000 }, async () => {
    const reports = clusterReports(Math.ceil(DOCUMENTS / 2)).slice(0, DOCUMENTS);
    assert.equal(reports.length, DOCUMENTS);
    const batch = join(dir, 'batch.jsonl');
    writeFileSync(batch, reports.map((r) => JSON.stringify({ id: r.id, published: r.published, source: r.source, text: r.text })).join('\n') + '\n');

    // The reference: one process, SQLite (alongside the workers: they wait on the database much of the time).
    const sqlitePath = join(dir, 'reference.db');
    const reference = run(['ingest', batch, '--db', sqlitePath, '--no-progress']);

    // Queue the batch, and one poison job (its payload holds no document) that may be tried twice.
    const url = db.url();
    const queued = await run(['ingest', batch, '--db', url]);
    assert.equal(queued.status, 0, queued.stderr);
    assert.match(queued.stderr, new RegExp(`documents: ${DOCUMENTS} queued, 0 already queued, 0 already stored, 0 failed to read`));
    const sql = new pg.Client({ connectionString: url });
    await sql.connect();
    const one = async <R>(text: string, params: unknown[] = []): Promise<R> => (await sql.query(text, params)).rows[0] as R;
    try {
      await sql.query(`INSERT INTO jobs (name, document_id, payload, max_attempts) VALUES ('poison', 'd-poison', '{"text": 1}', 2)`);

      const logs = Array.from({ length: WORKERS }, (_, i) => join(dir, `worker-${i}.log`));
      const workers: ChildProcess[] = logs.map((log) =>
        spawn(process.execPath, [bin, 'worker', '--db', url, '--lease', String(LEASE_SECONDS), '--retry-delay', '0', '--log', log], { env: cliEnv(), stdio: ['ignore', 'ignore', 'pipe'] }),
      );
      const stderr = workers.map(() => '');
      workers.forEach((w, i) => w.stderr!.on('data', (d) => (stderr[i] += d)));
      const exits = workers.map((w) => new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => w.on('exit', (code, signal) => resolve({ code, signal }))));

      // Once a fifth is done, kill worker 0 while it holds a job.
      const victim = workers[0]!;
      const deadline = Date.now() + 600_000;
      while ((await one<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE state = 'done'")).n < DOCUMENTS / 5 && Date.now() < deadline) await sleep(100);
      // Frozen first (SIGSTOP), so that the job it is seen holding is the one it holds when killed.
      let held: { id: number } | undefined;
      while (!held && Date.now() < deadline) {
        victim.kill('SIGSTOP');
        held = await one<{ id: number } | undefined>("SELECT id::int FROM jobs WHERE state = 'active' AND locked_by LIKE $1", [`%:${victim.pid}:%`]);
        victim.kill(held ? 'SIGKILL' : 'SIGCONT');
        if (!held) await sleep(20);
      }
      assert.ok(held, 'worker 0 held a job');
      assert.equal((await exits[0])!.signal, 'SIGKILL');
      const doneAtKill = (await one<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE state = 'done'")).n;
      assert.ok(doneAtKill < DOCUMENTS, `killed mid-run (${doneAtKill} done)`);

      // The others drain the queue, the killed job included once its lease has run out.
      while (Date.now() < deadline && (await one<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE state IN ('queued', 'active')")).n > 0) await sleep(250);
      for (const w of workers.slice(1)) w.kill('SIGTERM');
      for (const [i, exit] of exits.slice(1).entries()) assert.deepEqual(await exit, { code: 0, signal: null }, stderr[i + 1]);

      // Every job done once, the poison one failed with its error after its two tries.
      const states = await sql.query<{ state: string; n: number }>('SELECT state, count(*)::int AS n FROM jobs GROUP BY state ORDER BY state');
      assert.deepEqual(states.rows, [{ state: 'done', n: DOCUMENTS }, { state: 'failed', n: 1 }]);
      const poison = await one<{ attempts: number; last_error: string }>("SELECT attempts, last_error FROM jobs WHERE name = 'poison'");
      assert.deepEqual(poison, { attempts: 2, last_error: 'the job holds no document (no article or meta)' });
      const killedJob = await one<{ state: string; attempts: number; locked_by: string }>('SELECT state, attempts, locked_by FROM jobs WHERE id = $1', [held!.id]);
      assert.equal(killedJob.state, 'done');
      assert.equal(killedJob.attempts, 2, 'the killed try counted, and the job was tried once more');
      assert.doesNotMatch(killedJob.locked_by, new RegExp(`:${victim.pid}:`));
      // Each job stored its document, except that the killed try may have committed its document
      // just before it died: then the job's second try found it stored and stored nothing.
      const known = await sql.query<{ id: number; attempts: number }>("SELECT id::int, attempts FROM jobs WHERE state = 'done' AND result->>'status' NOT IN ('new', 'copy')");
      assert.ok(known.rows.every((r) => r.id === held!.id && r.attempts === 2), `jobs that found their document stored: ${JSON.stringify(known.rows)}`);
      const doneIds = logs.flatMap((log) =>
        readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { msg: string; job?: number }).filter((l) => l.msg === 'job done').map((l) => l.job),
      );
      assert.equal(new Set(doneIds).size, doneIds.length, 'no job completed twice');
      assert.ok(doneIds.length >= DOCUMENTS - 1, `the workers logged ${doneIds.length} jobs done`);
      const jobs = await run(['jobs', '--db', url]);
      assert.match(jobs.stdout, new RegExp(`0 queued, 0 running, ${DOCUMENTS} done, 1 failed`));
      assert.match(jobs.stdout, /job \d+ {2}poison {2}after 2 tries: the job holds no document/);
    } finally {
      await sql.end();
    }

    // The order in which the workers' documents met the merge: a document's mentions are numbered
    // under the merge locks of their countries, so within a country this is the order the merges
    // ran in (documents without mentions merge nothing and come last).
    const order = await new Promise<string[]>((resolve, reject) => {
      const c = new pg.Client({ connectionString: url });
      c.connect()
        .then(() => c.query<{ id: string }>('SELECT d.external_id AS id FROM documents d LEFT JOIN mentions m ON m.document_id = d.id GROUP BY d.id ORDER BY min(m.seq) NULLS LAST, d.id'))
        .then((r) => resolve(r.rows.map((row) => row.id)), reject)
        .finally(() => void c.end());
    });
    const lines = new Map(reports.map((r) => [r.id, JSON.stringify({ id: r.id, published: r.published, source: r.source, text: r.text })]));
    const replayed = join(dir, 'merge-order.jsonl');
    writeFileSync(replayed, order.map((id) => lines.get(id)).join('\n') + '\n');
    const replayPath = join(dir, 'merge-order.db');
    const replay = await run(['ingest', replayed, '--db', replayPath, '--no-progress']);
    assert.equal(replay.status, 0, replay.stderr);
    const referenceRun = await reference;
    assert.equal(referenceRun.status, 0, referenceRun.stderr);

    const inInputOrder = openStore(sqlitePath, { mustExist: true });
    const inMergeOrder = openStore(replayPath, { mustExist: true });
    const postgres = await openPostgresStore(url, MERGER);
    try {
      const stats = await postgres.stats();
      assert.equal(stats.documents, DOCUMENTS);
      const { events: _events, ...documents } = await inInputOrder.stats();
      assert.deepEqual({ ...stats, events: 0 }, { ...documents, events: 0 }, 'the same documents, copies and mentions as one SQLite process');
      // Four workers at once give exactly what one process gives storing the documents in the
      // order the workers' merges ran: the locks serialise the merges, nothing is lost or doubled.
      assert.deepEqual(stats, await inMergeOrder.stats());
      const [events, expected] = [await canonicalEvents(postgres), await canonicalEvents(inMergeOrder)];
      const inPostgres = new Set(events);
      const missing = expected.filter((r) => !inPostgres.has(r));
      assert.deepEqual(missing.slice(0, 3), [], `${missing.length} of ${expected.length} SQLite events differ in PostgreSQL`);
      assert.deepEqual(events, expected);
      // Against the batch's own order: the fold does not depend on order (before it followed
      // arrival, a third of these events differed), but which event a report joins still can,
      // where a report fits two events that do not fit each other (src/merge/across.ts, "Limits").
      const inputOrder = await canonicalEvents(inInputOrder);
      const differ = inputOrder.filter((r) => !inPostgres.has(r)).length;
      console.log(`# events of the input-order SQLite run not in PostgreSQL: ${differ} of ${inputOrder.length}`);
      assert.ok(differ <= Math.ceil(inputOrder.length / 100), `${differ} of ${inputOrder.length} events differ from the input-order run`);
    } finally {
      await inInputOrder.close();
      await inMergeOrder.close();
      await postgres.close();
    }
  });
});

describe('watch on PostgreSQL', { skip: server ? false : `SKIPPED: worker pool test (set ${PG_ENV})` }, () => {
  const db = pgDatabase(server ?? '', '_watch');

  test('watch queues each new feed item once, with what the feed says of it; a worker stores them', { timeout: 300_000 }, async () => {
    const http = await startTestServer();
    try {
      const outlet = serveOutlet(http, 'Harbor Courier', 'rss', 12);
      const url = db.url();
      const add = await run(['feeds', 'add', http.url(outlet.feedPath), '--name', 'Harbor Courier', '--db', url]);
      assert.equal(add.status, 0, add.stderr);
      const first = await run(['watch', '--once', '--delay', '0', '--db', url]);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stderr, /12 new items, 12 ingested \(0 already known\), 0 failed/);
      const queued = await run(['jobs', '--db', url]);
      assert.match(queued.stdout, /: 12 queued .*0 running, 0 done, 0 failed/);

      const worker = await run(['worker', '--drain', '--db', url]);
      assert.equal(worker.status, 0, worker.stderr);
      assert.match(worker.stderr, /12 job\(s\) done, 0 failed tr\(ies\)/);
      const store = await openPostgresStore(url, MERGER);
      try {
        assert.equal((await store.stats()).documents, 12);
        // Every article's event, dated and placed as its lead says.
        const events = (await store.findEvents({ limit: 1000 })).events;
        for (const article of outlet.articles) {
          assert.ok(events.some((e) => e.location === article.town && e.event_date === article.eventDate), article.headline);
        }
      } finally {
        await store.close();
      }
      // The next cycle finds every item known (stored, not queued again).
      const second = await run(['watch', '--once', '--delay', '0', '--db', url]);
      assert.equal(second.status, 0, second.stderr);
      assert.doesNotMatch(second.stderr, /[1-9]\d* ingested/);
      assert.match((await run(['jobs', '--db', url])).stdout, /: 0 queued, 0 running, 12 done, 0 failed/);
    } finally {
      await http.close();
    }
  });
});
