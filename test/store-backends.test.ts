/**
 * SQLite and PostgreSQL keep the same events: the same articles, extracted and ingested in the
 * same order into each store, give the same records (ids, merges, wire copies, tolls, sources),
 * the same reasons for each merge and the same answers to the same queries. The articles are
 * written from templates (test/support/conflict-articles.ts): several outlets tell each event,
 * some with the wire's words (copies), some in their own (independent reports that merge).
 * Skipped, loudly, without SITREP_TEST_PG.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Corpus, MERGER, openStore } from '../src/corpus.js';
import { createExtractor } from '../src/extract.js';
import { textToArticle } from '../src/ingest/index.js';
import { openPostgresStore } from '../src/store/postgres/store.js';
import { pgDatabase, pgServer } from '../src/store/test-backends.js';
import type { EventQuery, Store } from '../src/store/types.js';
import { conflictArticle } from './support/conflict-articles.js';

const server = pgServer();

/** Each event told three times: the wire, a copy of it, and an outlet's own shorter account. */
function articles(events: number): Array<{ name: string; text: string; published: string; source: string }> {
  const out = [];
  for (let i = 0; i < events; i++) {
    const a = conflictArticle(i, 'Wire');
    const full = [a.headline, ...a.body].join('\n\n');
    out.push({ name: `wire-${i}`, text: full, published: a.published, source: 'Wire' });
    out.push({ name: `copy-${i}`, text: `${full}\n\n(Republished with permission.)`, published: a.published, source: 'Daily' });
    out.push({ name: `own-${i}`, text: [a.body[0]!, a.body[3]!, a.body[6]!].join('\n\n'), published: a.published, source: 'Radio' });
  }
  return out;
}

async function ingestAll(store: Store): Promise<string[]> {
  const corpus = new Corpus(store, createExtractor());
  const outcomes: string[] = [];
  for (const a of articles(24)) {
    const o = await corpus.ingest({ article: textToArticle(a.text), meta: { name: a.name, published: a.published, source: a.source } });
    outcomes.push(`${a.name}: ${o.status} +${o.eventsNew} ~${o.eventsMerged}`);
  }
  return outcomes;
}

/** Every matching record as the store keeps it (JSON text), page by page. */
async function everything(store: Store, query: EventQuery = {}): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.findEvents({ ...query, asJson: true, limit: 7, cursor });
    out.push(...page.json!);
    cursor = page.next;
  } while (cursor);
  return out;
}

describe('SQLite and PostgreSQL agree', { skip: server ? false : 'SKIPPED: PostgreSQL tests (set SITREP_TEST_PG)' }, () => {
  const db = pgDatabase(server ?? 'postgres://unused/x');

  test('the same articles make the same events, merges and answers in both stores', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-agree-'));
    const sqlite = openStore(join(dir, 'agree.db'));
    const postgres = await openPostgresStore(db.url(), MERGER);
    try {
      const [a, b] = [await ingestAll(sqlite), await ingestAll(postgres)];
      assert.deepEqual(b, a, 'the same outcome for every article');
      const stats = await sqlite.stats();
      assert.deepEqual(await postgres.stats(), stats);
      assert.ok(stats.copies >= 20 && stats.events < stats.mentions, `copies and merges happen: ${JSON.stringify(stats)}`);
      const records = await everything(sqlite);
      assert.equal(records.length, stats.events);
      // Records are compared as the text each store keeps: byte for byte.
      assert.deepEqual(await everything(postgres), records);
      for (const json of records) {
        const id = (JSON.parse(json) as { id: string }).id;
        const [x, y] = [await sqlite.getEvent(id), await postgres.getEvent(id)];
        assert.deepEqual(y, x, id);
      }
      const queries: EventQuery[] = [
        { country: 'Nigeria' }, { country: 'som' }, { text: 'SAID, officials' }, { text: 'Kramatorsk' }, { actor: 'civilians' },
        { bbox: { minLon: 30, minLat: -5, maxLon: 50, maxLat: 15 } }, { near: { lat: 2.04, lon: 45.34, km: 50 } },
        { from: '2024-02-01', to: '2024-03-15', minFatalities: 3 }, { type: 'battles' }, { subType: 'attack' }, { status: 'occurred' },
      ];
      const answered: number[] = [];
      for (const q of queries) {
        const expected = await everything(sqlite, q);
        answered.push(expected.length);
        assert.deepEqual(await everything(postgres, q), expected, JSON.stringify(q));
        assert.deepEqual(await postgres.days(q), await sqlite.days(q), `days ${JSON.stringify(q)}`);
        assert.deepEqual(await postgres.cells(q, 2), await sqlite.cells(q, 2), `cells ${JSON.stringify(q)}`);
        assert.deepEqual(await postgres.countries(q), await sqlite.countries(q), `countries ${JSON.stringify(q)}`);
      }
      assert.ok(answered.every((n) => n > 0), `every query finds events: ${answered.join(' ')}`);
      // A reviewer's edit of an actor: the same record and the same inter codes (they follow the actor).
      const edited = (JSON.parse(records[0]!) as { id: string }).id;
      for (const store of [sqlite, postgres]) await store.review(edited, { action: 'edit', edits: { actor1: 'Police Forces of Nigeria (2015-2023)' } }, 'tester');
      const withInter = async (store: Store) => (await store.findEvents({ withInter: true, limit: 1000 })).inter;
      assert.deepEqual(await withInter(postgres), await withInter(sqlite));
      assert.deepEqual(await postgres.remerge(), await sqlite.remerge());
      const strip = (json: string[]): unknown[] => json.map((j) => ({ ...(JSON.parse(j) as object), reviewed: null }));
      assert.deepEqual(strip(await everything(postgres)), strip(await everything(sqlite)), 'after a review and a remerge too (but for the review\'s time)');
    } finally {
      await sqlite.close();
      await postgres.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
