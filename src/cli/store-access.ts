/**
 * Which store a command opens: `--db`, else SITREP_DB, else ./sitrep.db. A `postgres://` (or
 * `postgresql://`) URL selects the shared PostgreSQL store; anything else is the path of an
 * embedded SQLite file.
 */
import { DB_ENV, MERGER, openStore, resolveDbPath } from '../corpus.js';
import { openPostgresStore, PostgresStore } from '../store/postgres/store.js';
import type { Store } from '../store/types.js';

export type DbTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

const isPostgresUrl = (value: string): boolean => /^postgres(ql)?:\/\//i.test(value);

export function dbTarget(option: string | undefined, env: NodeJS.ProcessEnv = process.env): DbTarget {
  const given = option ?? env[DB_ENV];
  if (given !== undefined && isPostgresUrl(given.trim())) return { kind: 'postgres', url: given.trim() };
  return { kind: 'sqlite', path: resolveDbPath(option, env) };
}

/** Opens (and creates or migrates) the store a command names. */
export async function openCommandStore(option: string | undefined, options: { mustExist?: boolean } = {}): Promise<Store> {
  const target = dbTarget(option);
  return target.kind === 'postgres' ? openPostgresStore(target.url, MERGER, options) : openStore(target.path, options);
}

/** Opening the store for commands that only read it: a missing store is a mistake, not a new store. */
export function openExistingStore(db: string | undefined): Promise<Store> {
  return openCommandStore(db, { mustExist: true });
}

/** Where the store is and, for PostgreSQL, which index serves place filters (for start-up lines). */
export function describeStore(store: Store): string {
  if (!(store instanceof PostgresStore)) return store.location;
  return `${store.location} (PostgreSQL; place filters through ${store.spatial === 'postgis' ? 'PostGIS' : 'a GiST index on point, without PostGIS'})`;
}
