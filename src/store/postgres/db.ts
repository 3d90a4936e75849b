/**
 * The PostgreSQL connection pool, transactions and advisory locks. Big integers (identity
 * columns, counts) come back as numbers: every one the store reads is far below 2^53.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { SitrepError } from '../../errors.js';

/** A pool or one of its clients: anything that runs a query. */
export type Sql = Pick<pg.PoolClient, 'query'>;

const INT8 = 20;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => (oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text'))) as pg.CustomTypesConfig['getTypeParser'],
};

/** A pool whose big integers come back as numbers; `extra` names the application or sets session options. */
export function createPool(url: string, max: number, extra: Pick<pg.PoolConfig, 'application_name' | 'options'> = {}): pg.Pool {
  return new pg.Pool({ connectionString: url, max, types, application_name: 'sitrep', ...extra });
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** The server URL with another database name (tests and benchmarks make databases of their own). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** PostgreSQL's error code, when the error is one of the server's. */
export const sqlState = (error: unknown): string | undefined => (error as { code?: unknown }).code as string | undefined;

// Deadlock detected, serialisation failure: the transaction did nothing and can run again.
const RETRYABLE = new Set(['40P01', '40001']);

export interface TransactionOptions {
  /** Runs of a transaction that lost a deadlock (default 5). */
  tries?: number;
  /** Advisory locks taken as the transaction begins, in this order. */
  locks?: ReadonlyArray<{ name: string; shared?: boolean }>;
}

/**
 * Runs `work` in one transaction on one client of the pool: committed when it returns, rolled
 * back when it throws. A transaction that lost a deadlock (two writers taking the same locks in
 * different orders, which a fold moving an event to another country can cause) is run again.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const { tries = 5, locks = [] } = options;
  // BEGIN and the advisory locks in one round trip (the simple protocol runs them in order);
  // the keys are numbers this module made, never caller text.
  const begin = ['BEGIN', ...locks.map((l) => `SELECT ${l.shared ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock'}(${lockKey(l.name)}::bigint)`)].join('; ');
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (!RETRYABLE.has(sqlState(error) ?? '') || attempt >= tries) throw error;
    } finally {
      client.release();
    }
  }
}

/** A 64-bit advisory-lock key for a name (as text: node-postgres sends it as a bigint). */
export function lockKey(name: string): string {
  return createHash('sha256').update(`sitrep:${name}`).digest().readBigInt64BE(0).toString();
}

/** Holds the lock until the transaction ends; taken again by the same transaction, it is already held. */
export async function lockForTransaction(client: Sql, name: string, shared = false): Promise<void> {
  await client.query(shared ? 'SELECT pg_advisory_xact_lock_shared($1::bigint)' : 'SELECT pg_advisory_xact_lock($1::bigint)', [lockKey(name)]);
}

/** One line for a connection that failed, without the password. */
export function connectionError(url: string, error: unknown): SitrepError {
  return new SitrepError('E_STORE', `cannot open the store ${redactUrl(url)}: ${(error as Error).message}`, 'is PostgreSQL running, and does the URL name its host, user and database?');
}
