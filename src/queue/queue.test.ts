/**
 * The queue against a real PostgreSQL (SITREP_TEST_PG; a database of the run's own, dropped at
 * the end): taking, leases, tries, fencing, failure. Skipped, and saying so, without a server.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { PG_ENV, pgDatabase } from '../store/test-backends.js';
import { openQueue } from './open.js';
import type { JobQueue } from './queue.js';
import { runWorker, type WorkerEvent } from './worker.js';

interface Payload {
  text: string;
}

const server = process.env[PG_ENV];
if (!server) console.warn(`SKIPPED: job queue tests (set ${PG_ENV})`);

const jobs = (...texts: string[]) => texts.map((text) => ({ name: `${text}.txt`, documentId: `doc-${text}`, payload: { text } }));

describe('job queue', { skip: server ? false : `SKIPPED: job queue tests (set ${PG_ENV})` }, () => {
  const db = pgDatabase(server ?? '', '_queue');
  let queue: JobQueue<Payload>;
  const sql = async (text: string, params: unknown[] = []): Promise<Array<Record<string, unknown>>> => {
    const c = new pg.Client({ connectionString: db.url() });
    await c.connect();
    try {
      return (await c.query(text, params)).rows as Array<Record<string, unknown>>;
    } finally {
      await c.end();
    }
  };
  before(async () => {
    queue = await openQueue<Payload>(db.url());
  });
  after(async () => {
    await queue?.close();
  });

  test('a text waiting or running is not queued twice; once done it can be queued again', async () => {
    await sql('TRUNCATE jobs');
    assert.deepEqual(await queue.enqueue(jobs('a', 'b', 'a'), 3), { queued: 2, alreadyQueued: 1 });
    const job = await queue.take('w1', 30);
    assert.equal(job?.payload.text, 'a');
    assert.deepEqual(await queue.enqueue(jobs('a'), 3), { queued: 0, alreadyQueued: 1 });
    assert.equal(await queue.complete(job!, { status: 'new' }), true);
    assert.deepEqual(await queue.enqueue(jobs('a'), 3), { queued: 1, alreadyQueued: 0 });
  });

  test('two workers taking at once never get the same job', async () => {
    await sql('TRUNCATE jobs');
    await queue.enqueue(jobs(...Array.from({ length: 40 }, (_, i) => `t${i}`)), 3);
    const taken = await Promise.all(Array.from({ length: 40 }, (_, i) => queue.take(`w${i % 4}`, 30)));
    const ids = taken.map((j) => j?.id);
    assert.equal(new Set(ids).size, 40);
    assert.equal(await queue.take('w9', 30), null);
  });

  test('a job whose worker died is taken again once its lease ran out, as a new try; the dead try cannot complete it', async () => {
    await sql('TRUNCATE jobs');
    await queue.enqueue(jobs('x'), 3);
    const first = (await queue.take('dead', 30))!;
    assert.equal(await queue.reclaimExpired(), 0, 'a live lease is not taken back');
    await sql("UPDATE jobs SET locked_until = now() - interval '1 second'");
    assert.equal(await queue.reclaimExpired(), 1);
    const second = (await queue.take('alive', 30))!;
    assert.equal(second.id, first.id);
    assert.equal(second.attempts, 2);
    assert.equal(await queue.complete(first, { status: 'new' }), false, 'the first try lost its lease');
    assert.equal(await queue.extend(first, 30), false);
    assert.equal(await queue.complete(second, { status: 'new' }), true);
    assert.equal(await queue.complete(second, { status: 'new' }), false, 'a job completes once');
    const [row] = await sql('SELECT state, attempts, result FROM jobs');
    assert.deepEqual(row, { state: 'done', attempts: 2, result: { status: 'new' } });
  });

  test('a failing job is tried max_attempts times, then failed with its error', async () => {
    await sql('TRUNCATE jobs');
    await queue.enqueue(jobs('poison'), 2);
    const one = (await queue.take('w', 30))!;
    assert.equal(await queue.fail(one, 'cannot parse', 0), 'queued');
    const two = (await queue.take('w', 30))!;
    assert.equal(two.attempts, 2);
    assert.equal(await queue.fail(two, 'cannot parse again', 0), 'failed');
    assert.equal(await queue.take('w', 30), null);
    const [failed] = await queue.failures(10);
    assert.equal(failed?.error, 'cannot parse again');
    assert.equal(failed?.attempts, 2);
    assert.deepEqual({ ...(await queue.counts()), oldestQueuedSeconds: 0 }, { queued: 0, active: 0, done: 0, failed: 1, oldestQueuedSeconds: 0 });
    assert.equal(await queue.retryFailed(null), 1);
    assert.equal((await queue.take('w', 30))?.attempts, 1);
  });

  test('a lease that runs out on the last try fails the job with the reason', async () => {
    await sql('TRUNCATE jobs');
    await queue.enqueue(jobs('crasher'), 1);
    await queue.take('w-killed', 30);
    await sql("UPDATE jobs SET locked_until = now() - interval '1 second'");
    await queue.reclaimExpired();
    const [failed] = await queue.failures(1);
    assert.match(failed?.error ?? '', /worker w-killed stopped before finishing/);
  });

  test('a released job waits again and its try does not count', async () => {
    await sql('TRUNCATE jobs');
    await queue.enqueue(jobs('r'), 3);
    const job = (await queue.take('w', 30))!;
    assert.equal(await queue.release(job), true);
    assert.equal((await queue.take('w', 30))?.attempts, 1);
  });

  test('the worker loop drains the queue: each job handled once, errors retried then failed', async () => {
    await sql('TRUNCATE jobs');
    await queue.enqueue(jobs(...Array.from({ length: 30 }, (_, i) => `d${i}`), 'bad'), 2);
    const seen: string[] = [];
    const events: Array<WorkerEvent<string>> = [];
    const summary = await runWorker(
      queue,
      async (job) => {
        if (job.payload.text === 'bad') throw new Error('no events in a bad document\nsecond line');
        seen.push(job.payload.text);
        return job.payload.text.toUpperCase();
      },
      {
        worker: 'loop', concurrency: 3, leaseSeconds: 30, retrySeconds: 0, idleMs: 50, drain: true,
        stop: new AbortController().signal, abandon: new AbortController().signal, onEvent: (e) => events.push(e),
      },
    );
    assert.deepEqual(summary, { done: 30, errors: 2, lost: 0, released: 0 });
    assert.equal(new Set(seen).size, 30);
    assert.equal(seen.length, 30);
    assert.deepEqual(events.filter((e) => e.kind === 'error').map((e) => e.kind === 'error' && e.next), ['queued', 'failed']);
    const [failed] = await queue.failures(1);
    assert.equal(failed?.error, 'no events in a bad document');
    const done = await sql("SELECT result FROM jobs WHERE name = 'd7.txt'");
    assert.deepEqual(done, [{ result: 'D7' }]);
  });

  test('stop lets the job under way finish and takes no more; abandon gives it back untried', async () => {
    await sql('TRUNCATE jobs');
    await queue.enqueue(jobs('s1', 's2', 's3'), 3);
    const options = (stop: AbortSignal, abandon: AbortSignal) => ({
      worker: 'sig', concurrency: 1, leaseSeconds: 30, retrySeconds: 0, idleMs: 50, drain: false, stop, abandon, onEvent: () => undefined,
    });
    const stop = new AbortController();
    const finished: string[] = [];
    const stopped = await runWorker(queue, async (job) => {
      stop.abort(); // the signal arrives while the first job runs
      await new Promise((resolve) => setTimeout(resolve, 50));
      finished.push(job.payload.text);
      return 'ok';
    }, options(stop.signal, new AbortController().signal));
    assert.deepEqual(finished, ['s1']);
    assert.deepEqual(stopped, { done: 1, errors: 0, lost: 0, released: 0 });

    const abandon = new AbortController();
    const given = await runWorker(queue, async () => {
      abandon.abort();
      await new Promise((resolve) => setTimeout(resolve, 200));
      return 'too late';
    }, options(new AbortController().signal, abandon.signal));
    assert.deepEqual(given, { done: 0, errors: 0, lost: 0, released: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the abandoned handler ends; its result must not count
    const rows = await sql("SELECT name, state, attempts FROM jobs ORDER BY id");
    assert.deepEqual(rows, [
      { name: 's1.txt', state: 'done', attempts: 1 },
      { name: 's2.txt', state: 'queued', attempts: 0 },
      { name: 's3.txt', state: 'queued', attempts: 0 },
    ]);
  });
});
