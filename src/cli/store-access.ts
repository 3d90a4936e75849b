/** Opening the store for commands that only read it: a missing file is a mistake, not a new store. */
import { openStore, resolveDbPath } from '../corpus.js';
import type { Store } from '../store/types.js';

export function openExistingStore(db: string | undefined): Store {
  return openStore(resolveDbPath(db), { mustExist: true });
}
