/**
 * Test support: the store's tests run once per backend. SQLite always (a fresh file per
 * store); PostgreSQL when SITREP_TEST_PG names a server (`postgres://user@host:port/db`): the
 * run creates its own database there (sitrep_test_<pid>_<random>), empties it before each
 * store, and drops it at the end. Without SITREP_TEST_PG the PostgreSQL tests are skipped, and
 * say so loudly. Not part of sitrep's behaviour.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { MERGER } from '../corpus.js';
import { withDatabase } from './postgres/db.js';
import { NEWEST_VERSION } from './postgres/migrations.js';
import { openPostgresStore, type PgOpenOptions } from './postgres/store.js';
import { openSqliteStore } from './sqlite/store.js';
import type { Store } from './types.js';

export const PG_ENV = 'SITREP_TEST_PG';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A new, empty store. */
  open(): Promise<Store>;
  /** The last store `open` made, opened again (as another process would). */
  reopen(): Promise<Store>;
  /** SQL straight on the last store's database, for what the interface does not show. */
  query<R>(sql: string): Promise<R[]>;
}

function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-test-'));
  let path = '';
  let n = 0;
  after(() => rmSync(dir, { recursive: true, force: true }));
  return {
    name: 'sqlite',
    async open() {
      path = join(dir, `store-${n++}.db`);
      return openSqliteStore(path, MERGER);
    },
    async reopen() {
      return openSqliteStore(path, MERGER);
    },
    async query<R>(sql: string) {
      const db = new Database(path);
      try {
        const statement = db.prepare(sql);
        return (statement.reader ? statement.all() : (statement.run(), [])) as R[];
      } finally {
        db.close();
      }
    },
  };
}

/**
 * A database of this run's own on the server at `server` for the tests in the enclosing
 * describe block: created before them, dropped after them.
 */
export function pgDatabase(server: string, label = ''): { url: () => string } {
  const name = `sitrep_test_${process.pid}_${randomBytes(4).toString('hex')}${label}`;
  const admin = (): pg.Client => new pg.Client({ connectionString: server });
  before(async () => {
    const c = admin();
    await c.connect();
    try {
      await c.query(`CREATE DATABASE ${name}`);
    } finally {
      await c.end();
    }
  });
  after(async () => {
    const c = admin();
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  });
  return { url: () => withDatabase(server, name) };
}

function postgresBackend(server: string, options: PgOpenOptions = {}): Backend {
  const db = pgDatabase(server);
  const query = async <R>(sql: string): Promise<R[]> => {
    const c = new pg.Client({ connectionString: db.url() });
    await c.connect();
    try {
      return (await c.query(sql)).rows as R[];
    } finally {
      await c.end();
    }
  };
  return {
    name: 'postgres',
    async open() {
      const store = await openPostgresStore(db.url(), MERGER, options);
      // Every table but the schema's own bookkeeping, emptied: a new store without the cost of
      // a new database (and of creating PostGIS in it) per test.
      const tables = await query<{ name: string }>(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('schema_migrations', 'store_settings', 'spatial_ref_sys')",
      );
      await query(`TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
      await query(`DELETE FROM schema_migrations WHERE version > ${NEWEST_VERSION}`);
      return store;
    },
    reopen() {
      return openPostgresStore(db.url(), MERGER, options);
    },
    query,
  };
}

let warned = false;

/**
 * Defines the suite once per backend, as `describe` blocks named after it; `suite` receives
 * the backend when its tests run.
 */
export function forEachBackend(suite: (backend: Backend) => void): void {
  describe('sqlite', () => suite(sqliteBackend()));
  const server = process.env[PG_ENV];
  if (!server) {
    if (!warned) console.warn(`SKIPPED: PostgreSQL tests (set ${PG_ENV})`);
    warned = true;
    describe('postgres', { skip: `SKIPPED: PostgreSQL tests (set ${PG_ENV})` }, () => undefined);
    return;
  }
  describe('postgres', () => suite(postgresBackend(server)));
}

/** The PostgreSQL server for tests of that backend alone, or null (they skip) without one. */
export function pgServer(): string | null {
  const server = process.env[PG_ENV] ?? null;
  if (!server && !warned) {
    console.warn(`SKIPPED: PostgreSQL tests (set ${PG_ENV})`);
    warned = true;
  }
  return server;
}
