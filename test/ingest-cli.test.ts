/**
 * `sitrep ingest` as a user runs it: idempotent on a folder, bad documents reported and
 * skipped, one summary line, one-line errors for what cannot be opened.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const bin = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));

function sitrep(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function counts(db: string): { documents: number; events: number; mentions: number } {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare('SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM mentions) AS mentions').get() as {
      documents: number; events: number; mentions: number;
    };
  } finally {
    conn.close();
  }
}

test('ingesting a folder twice leaves the same documents and events', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'sitrep-ingest-')), 'store.db');
  const first = sitrep(['ingest', fixtures, '--db', db]);
  assert.equal(first.status, 0, first.stderr);
  // Fixtures without a dateline or date are named on a warning line each, and counted.
  const lines = first.stderr.trim().split('\n');
  assert.ok(lines.slice(0, -1).every((l) => /^sitrep: warning: .*: no publication date: /.test(l)), first.stderr);
  assert.match(lines.at(-1)!, new RegExp(`^documents: 16 new, 0 already known, 0 wire copies, 0 failed; events: \\d+ new, \\d+ merged(; ${lines.length - 1} without a publication date .*)?$`));
  const before = counts(db);
  assert.equal(before.documents, 16);
  assert.ok(before.events > 16);
  const second = sitrep(['ingest', fixtures], { SITREP_DB: db });
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stderr, /documents: 0 new, 16 already known, 0 wire copies, 0 failed; events: 0 new, 0 merged/);
  assert.deepEqual(counts(db), before);
  // Re-merging with unchanged rules rebuilds the same events under the same ids.
  const ids = (): string[] => {
    const conn = new Database(db, { readonly: true });
    try {
      return (conn.prepare('SELECT id FROM events ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
    } finally {
      conn.close();
    }
  };
  const idsBefore = ids();
  const remerge = sitrep(['remerge', '--db', db]);
  assert.equal(remerge.status, 0, remerge.stderr);
  assert.match(remerge.stderr, new RegExp(`^events: ${before.events} before, ${before.events} after re-merging ${before.mentions} mentions`));
  assert.deepEqual(ids(), idsBefore);
});

test('a batch with a bad line stores the good documents and names the bad one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-batch-'));
  const batch = join(dir, 'batch.jsonl');
  writeFileSync(batch, [
    JSON.stringify({ id: 'a', published: '2024-05-03', source: 'Test Wire', text: 'Gunmen killed four villagers in an attack on Kurmin Masara in Kaduna State on Thursday, police said.' }),
    '{"id": "b", "title": "no text"}',
    'not json at all',
    JSON.stringify({ id: 'c', published: '2024-05-04', html: '<html><body><article><p>Police fired tear gas at protesters in Nairobi on Friday, witnesses said.</p></article></body></html>' }),
  ].join('\n'));
  const db = join(dir, 'store.db');
  const r = sitrep(['ingest', batch, '--db', db]);
  assert.equal(r.status, 1);
  const lines = r.stderr.trim().split('\n');
  assert.match(lines[0]!, /^sitrep: skipped .*batch\.jsonl line 2: needs "text" or "html"$/);
  assert.match(lines[1]!, /^sitrep: skipped .*batch\.jsonl line 3: not JSON/);
  assert.match(lines[2]!, /^documents: 2 new, 0 already known, 0 wire copies, 2 failed; events: \d+ new, \d+ merged$/);
  assert.equal(counts(db).documents, 2);
  const conn = new Database(db, { readonly: true });
  const ids = (conn.prepare('SELECT external_id FROM documents ORDER BY external_id').all() as Array<{ external_id: string }>).map((x) => x.external_id);
  conn.close();
  assert.deepEqual(ids, ['a', 'c']);
});

test('what cannot be read or opened gets one line and a non-zero exit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-bad-'));
  const missing = sitrep(['ingest', join(dir, 'nope'), '--db', join(dir, 'ok.db')]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^sitrep: skipped .*nope: no such file or folder\ndocuments: 0 new/);
  mkdirSync(join(dir, 'a-folder.db'));
  const badDb = sitrep(['ingest', fixtures, '--db', join(dir, 'a-folder.db')]);
  assert.equal(badDb.status, 1);
  assert.equal(badDb.stderr.trim().split('\n').length, 1, badDb.stderr);
  assert.match(badDb.stderr, /^sitrep: cannot open the store .*a-folder\.db/);
  const noStore = sitrep(['remerge', '--db', join(dir, 'absent.db')]);
  assert.equal(noStore.status, 1);
  assert.match(noStore.stderr, /^sitrep: no store at .*absent\.db/);
  const badDate = sitrep(['ingest', fixtures, '--db', join(dir, 'ok.db'), '--published', 'last week']);
  assert.equal(badDate.status, 2);
  assert.match(badDate.stderr, /^sitrep: --published "last week" is not a date/);
});
