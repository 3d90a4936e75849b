import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { dbTarget } from './store-access.js';

test('a postgres:// URL in --db or SITREP_DB selects PostgreSQL; anything else is a SQLite path', () => {
  const url = 'postgres://sitrep@db.internal:5432/events';
  assert.deepEqual(dbTarget(url, {}), { kind: 'postgres', url });
  assert.deepEqual(dbTarget(undefined, { SITREP_DB: 'postgresql://u:p@localhost/x' }), { kind: 'postgres', url: 'postgresql://u:p@localhost/x' });
  assert.deepEqual(dbTarget(undefined, { SITREP_DB: ' POSTGRES://h/x ' }), { kind: 'postgres', url: 'POSTGRES://h/x' });
  assert.deepEqual(dbTarget('events.db', { SITREP_DB: url }), { kind: 'sqlite', path: resolve('events.db') }, 'the option wins over the environment');
  assert.deepEqual(dbTarget(undefined, {}), { kind: 'sqlite', path: resolve('sitrep.db') });
  assert.deepEqual(dbTarget('postgres.db', {}), { kind: 'sqlite', path: resolve('postgres.db') }, 'a file named like the engine is still a file');
});
