/** Opening the queue: a small pool of its own on the store's database, and its schema brought up to date. */
import { SitrepError } from '../errors.js';
import { createPool, redactUrl } from '../store/postgres/db.js';
import { migrateQueue } from './migrations.js';
import { JobQueue } from './queue.js';

/** `poolSize`: one connection per worker slot, one for the idle wait, one for the heartbeats. */
export async function openQueue<P>(url: string, poolSize = 4): Promise<JobQueue<P>> {
  const location = redactUrl(url);
  // The queue's own commits do not wait for the disk: a job state lost in a server crash is
  // harmless, since a job taken again finds its document stored (same content hash) and the
  // store's own commits stay synchronous. It saves a disk flush on every take and completion.
  const pool = createPool(url, poolSize, { application_name: 'sitrep-queue', options: '-c synchronous_commit=off' });
  // An idle client that loses its server (a restart) must not take the process down.
  pool.on('error', () => undefined);
  try {
    await migrateQueue(pool, location);
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof SitrepError) throw error;
    throw new SitrepError('E_STORE', `cannot open the job queue at ${location}: ${(error as Error).message}`, 'is PostgreSQL running, and does the URL name its host, user and database?');
  }
  return new JobQueue<P>(pool, location);
}
