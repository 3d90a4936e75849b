/**
 * Crash safety: an ingest of 2,000 documents killed with SIGKILL part-way, then run again,
 * leaves every document exactly once and a database that passes SQLite's integrity check.
 * Each document is committed in its own transaction, so a kill loses at most the document
 * being written, and the rerun skips what is stored (same content hash).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { syntheticReport } from './support/synthetic-reports.js';

const bin = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const DOCUMENTS = 2000;

function batch(dir: string): string {
  const lines = Array.from({ length: DOCUMENTS }, (_, i) => JSON.stringify(syntheticReport(i)));
  const path = join(dir, 'batch.jsonl');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

function countDocuments(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not created yet, or the schema is being written
  }
}

test('SIGKILL part-way through an ingest of 2,000 documents, then a rerun: every document once, database intact', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-kill-'));
  const input = batch(dir);
  const db = join(dir, 'store.db');
  const env = { ...process.env, SITREP_DB: db };

  const child = spawn(process.execPath, [bin, 'ingest', input, '--no-progress'], { env, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  // Kill it once some hundreds are committed, well before the end.
  const deadline = Date.now() + 120_000;
  while (countDocuments(db) < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');
  const afterKill = countDocuments(db);
  assert.ok(afterKill >= 300 && afterKill < DOCUMENTS, `killed part-way (after ${afterKill} documents)`);

  const rerun = spawnSync(process.execPath, [bin, 'ingest', input, '--no-progress'], { env, encoding: 'utf8', timeout: 240_000 });
  assert.equal(rerun.status, 0, rerun.stderr);
  // Stored on the rerun: new documents and wire copies (these template reports look like copies).
  const summary = /documents: (\d+) new, (\d+) already known, (\d+) wire copies, 0 failed/.exec(rerun.stderr);
  assert.ok(summary, rerun.stderr);
  assert.deepEqual([Number(summary[1]) + Number(summary[3]), Number(summary[2])], [DOCUMENTS - afterKill, afterKill]);

  const conn = new Database(db, { readonly: true });
  try {
    assert.equal((conn.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    const { total, ids } = conn.prepare('SELECT count(*) AS total, count(DISTINCT external_id) AS ids FROM documents').get() as { total: number; ids: number };
    assert.deepEqual([total, ids], [DOCUMENTS, DOCUMENTS]);
    // No half-written document: every stored document's mentions are all linked to events.
    const orphans = conn.prepare('SELECT count(*) AS n FROM mentions m LEFT JOIN event_mentions em ON em.mention_id = m.id WHERE em.mention_id IS NULL').get() as { n: number };
    assert.equal(orphans.n, 0);
  } finally {
    conn.close();
  }
});
