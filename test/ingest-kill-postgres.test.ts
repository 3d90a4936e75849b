/**
 * Crash safety in PostgreSQL, as test/ingest-kill.test.ts shows it for SQLite: an ingest into
 * `--db postgres://…` that extracts in its own process (`--no-queue`) killed with SIGKILL part-way, then run again, leaves every document
 * exactly once and none half-written (each is one transaction; the server rolls back the one
 * the killed process left open). Skipped, loudly, without SITREP_TEST_PG.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pgDatabase, pgServer } from '../src/store/test-backends.js';
import { syntheticReport } from './support/synthetic-reports.js';

const bin = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const DOCUMENTS = 1000;
const server = pgServer();

async function sql<R>(url: string, text: string): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as R[];
  } finally {
    await c.end();
  }
}

async function countDocuments(url: string): Promise<number> {
  try {
    return (await sql<{ n: number }>(url, 'SELECT count(*)::int AS n FROM documents'))[0]!.n;
  } catch {
    return 0; // the schema is not there yet
  }
}

describe('PostgreSQL ingest killed part-way', { skip: server ? false : 'SKIPPED: PostgreSQL tests (set SITREP_TEST_PG)' }, () => {
  const db = pgDatabase(server ?? 'postgres://unused/x');

  test('SIGKILL part-way through an ingest of 1,000 documents, then a rerun: every document once, none half-written', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-kill-pg-'));
    const input = join(dir, 'batch.jsonl');
    writeFileSync(input, Array.from({ length: DOCUMENTS }, (_, i) => JSON.stringify(syntheticReport(i))).join('\n') + '\n');
    const env = { ...process.env, SITREP_DB: db.url() };
    try {
      const child = spawn(process.execPath, [bin, 'ingest', input, '--no-progress', '--no-queue'], { env, stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      const deadline = Date.now() + 120_000;
      while ((await countDocuments(db.url())) < 150 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      child.kill('SIGKILL');
      assert.equal(await exited, 'SIGKILL');
      const afterKill = await countDocuments(db.url());
      assert.ok(afterKill >= 150 && afterKill < DOCUMENTS, `killed part-way (after ${afterKill} documents)`);

      const rerun = spawnSync(process.execPath, [bin, 'ingest', input, '--no-progress', '--no-queue'], { env, encoding: 'utf8', timeout: 240_000 });
      assert.equal(rerun.status, 0, rerun.stderr);
      const summary = /documents: (\d+) new, (\d+) already known, (\d+) wire copies, 0 failed/.exec(rerun.stderr);
      assert.ok(summary, rerun.stderr);
      assert.deepEqual([Number(summary[1]) + Number(summary[3]), Number(summary[2])], [DOCUMENTS - afterKill, afterKill]);

      const [counts] = await sql<{ total: number; ids: number }>(db.url(), 'SELECT count(*)::int AS total, count(DISTINCT external_id)::int AS ids FROM documents');
      assert.deepEqual(counts, { total: DOCUMENTS, ids: DOCUMENTS });
      const [orphans] = await sql<{ n: number }>(db.url(), 'SELECT count(*)::int AS n FROM mentions m LEFT JOIN event_mentions em ON em.mention_id = m.id WHERE em.mention_id IS NULL');
      assert.equal(orphans!.n, 0, 'every stored mention is linked to its event');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
