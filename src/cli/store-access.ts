/** Opening the store for commands that only read it: a missing file is a mistake, not a new store. */
import { existsSync } from 'node:fs';
import { openStore, resolveDbPath } from '../corpus.js';
import { SitrepError } from '../errors.js';
import type { Store } from '../store/types.js';

export function openExistingStore(db: string | undefined): Store {
  const path = resolveDbPath(db);
  if (!existsSync(path)) {
    throw new SitrepError('E_NOT_FOUND', `no store at ${path}`, 'ingest articles first with sitrep ingest, or name the store with --db or SITREP_DB');
  }
  return openStore(path);
}
