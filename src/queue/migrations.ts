/**
 * The job queue's own schema, versioned apart from the store's (`job_migrations`), so that the
 * queue and the store can change on their own. Several workers start at once: the migration
 * runs under an advisory lock, and the one that comes second finds it done.
 *
 * One row per job. A job is `queued` (waiting, or waiting for `run_after` after a failed try),
 * `active` (leased by `locked_by` until `locked_until`), `done` (once, with its result) or
 * `failed` (after `max_attempts` tries, with the last error).
 */
import type pg from 'pg';
import { SitrepError } from '../errors.js';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'jobs',
    sql: `
      CREATE TABLE jobs (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        -- The caller's name for the input (a path, a batch line, a feed item) and the content
        -- hash of its text: the id the document will have in the store.
        name TEXT NOT NULL,
        document_id TEXT NOT NULL,
        payload JSONB NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'active', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
        run_after TIMESTAMPTZ NOT NULL DEFAULT now(),
        locked_by TEXT,
        locked_until TIMESTAMPTZ,
        last_error TEXT,
        result JSONB,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        started_at TIMESTAMPTZ,
        finished_at TIMESTAMPTZ
      );
      -- Workers take the oldest waiting job; only waiting rows are in this index.
      CREATE INDEX jobs_waiting ON jobs (id) WHERE state = 'queued';
      -- Leases that ran out (a worker that died) are found without reading finished jobs.
      CREATE INDEX jobs_leases ON jobs (locked_until) WHERE state = 'active';
      -- The same text is not queued twice while a job for it waits or runs.
      CREATE UNIQUE INDEX jobs_pending_document ON jobs (document_id) WHERE state IN ('queued', 'active');
      CREATE INDEX jobs_failed ON jobs (finished_at) WHERE state = 'failed';
    `,
  },
];

const NEWEST = Math.max(...MIGRATIONS.map((m) => m.version));
/** An advisory-lock key of the queue's own (the store's migrations use another). */
const MIGRATION_LOCK = 0x5e7_0b5; // "sitrep jobs"

export async function migrateQueue(pool: pg.Pool, location: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS job_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM job_migrations')).rows.map((r) => r.version));
    const newest = Math.max(0, ...applied);
    if (newest > NEWEST) {
      throw new SitrepError('E_STORE', `${location} has job queue version ${newest}, newer than this sitrep knows (${NEWEST})`, 'upgrade sitrep');
    }
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO job_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
