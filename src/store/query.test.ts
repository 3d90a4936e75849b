/**
 * Queries in every backend (the store-level half of src/api/query.test.ts): names holding SQL
 * and LIKE metacharacters match only literally, cursor pages stay stable while documents
 * arrive, and the export's extras (inter codes, records as stored JSON) come with the page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodedEvent } from '../types.js';
import { forEachBackend } from './test-backends.js';
import type { EventQuery, Store } from './types.js';

/** One document telling one event at its own place (half a degree from the next: none merge). */
async function add(store: Store, n: number, over: { date?: string; actor1?: string; country?: string; iso3?: string; admin1?: string; text?: string } = {}): Promise<void> {
  const date = over.date ?? `2023-05-0${1 + (n % 7)}`;
  const text = over.text ?? `Report ${n}: gunmen attacked a village on ${date}, killing ${n % 5} people, officials said.`;
  const id = `d${n.toString().padStart(5, '0')}`;
  const event: CodedEvent = {
    eventType: 'Violence against civilians', subEventType: 'Attack', date, dateEnd: null, timePrecision: 1,
    actor1: over.actor1 ?? 'Unidentified Armed Group', actor2: 'Civilians', assocActor1: null, assocActor2: null, inter1: 3, inter2: 7,
    place: {
      name: `Place ${n}`, country: over.country ?? 'Testland', iso3: over.iso3 ?? 'TST', admin1: over.admin1 ?? 'North', admin2: null,
      latitude: -40 + Math.floor(n / 100) * 0.5, longitude: -170 + (n % 100) * 0.5, precision: 1, featureCode: 'PPL', population: 1000, id: `p:${n}`,
    },
    location: `Place ${n}`, fatalities: n % 5, tollPrecise: true, counts: {}, status: 'occurred', attributedTo: null, source: 'Test Wire',
    evidence: [{ doc: id, start: 0, end: text.length, text }], confidence: 0.8, inLead: true,
    stated: { date: true, reportDate: false, place: true, actor1: true, kind: true }, why: [],
  };
  await store.addDocument(
    { id, text, meta: { name: `${id}.txt`, externalId: null, url: null, title: null, published: date, source: 'Test Wire' }, signature: id, bands: [], warnings: [] },
    [{ id: `m${id}`, event }],
    null,
  );
}

async function all(store: Store, query: EventQuery, limit = 1000): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.findEvents({ ...query, limit, cursor });
    ids.push(...page.events.map((e) => e.id));
    cursor = page.next;
  } while (cursor);
  return ids;
}

forEachBackend((b) => {
  test('names holding SQL and LIKE metacharacters match only literally, in any case', async () => {
    const store = await b.open();
    for (let n = 0; n < 30; n++) await add(store, n);
    await add(store, 100, { actor1: "100% O'Brien_Brigade", country: 'Quote"land', iso3: 'QQQ', admin1: "Drop; Table's \\ Back" });
    const count = async (q: EventQuery): Promise<number> => (await all(store, q)).length;
    assert.equal(await count({ actor: '%' }), 1);
    assert.equal(await count({ actor: '_' }), 1);
    assert.equal(await count({ actor: "o'brien_b" }), 1);
    assert.equal(await count({ actor: '0% o' }), 1);
    assert.equal(await count({ admin1: "DROP; TABLE'S \\ BACK" }), 1);
    assert.equal(await count({ country: 'quote"land' }), 1);
    assert.equal(await count({ country: 'qqq' }), 1);
    for (const value of ["' OR 1=1 --", "Testland' OR '1'='1", "x'); DELETE FROM events; --", '\\', 'NEAR(a b)', 'text:gunmen', '%%', '__']) {
      for (const q of [{ country: value }, { admin1: value }, { actor: value }, { text: value }] as EventQuery[]) {
        assert.equal(await count(q), 0, JSON.stringify(q));
      }
    }
    assert.equal(await count({ text: 'GUNMEN village' }), 31, 'every word, any case, any order');
    assert.equal(await count({ text: 'gunmen submarine' }), 0);
    assert.equal((await store.stats()).events, 31, 'nothing was altered');
    await store.close();
  });

  test('cursor pages stay stable while documents arrive: no repeats, nothing that was there is missed', async () => {
    const store = await b.open();
    for (let n = 0; n < 60; n++) await add(store, n);
    const before = await all(store, { country: 'TST' });
    for (const size of [1, 7, 60, 61]) assert.deepEqual(await all(store, {}, size), before, `pages of ${size}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    let added = 0;
    do {
      const page = await store.findEvents({ country: 'TST', limit: 8, cursor });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.next;
      // New events land both before and after the reader's position.
      for (const date of ['2023-04-20', '2023-05-04', '2023-05-30']) await add(store, 5000 + added++, { date });
    } while (cursor);
    assert.equal(new Set(seen).size, seen.length, 'no event twice');
    for (const id of before) assert.ok(seen.includes(id), `${id} was listed`);
    await store.close();
  });

  test('a page can carry the inter codes and the records as the store keeps them', async () => {
    const store = await b.open();
    for (let n = 0; n < 5; n++) await add(store, n);
    const parsed = await store.findEvents({ withInter: true });
    assert.deepEqual(parsed.inter, parsed.events.map(() => ({ inter1: 3, inter2: 7 })));
    const raw = await store.findEvents({ asJson: true });
    assert.deepEqual(raw.events, []);
    assert.deepEqual(raw.json!.map((j) => JSON.parse(j) as unknown), parsed.events);
    await store.close();
  });
});
