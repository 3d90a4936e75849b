/**
 * The store's behaviour, the same in every backend (src/store/test-backends.ts): SQLite always,
 * PostgreSQL when SITREP_TEST_PG names a server.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepError } from '../errors.js';
import type { CodedEvent, Place } from '../types.js';
import { forEachBackend } from './test-backends.js';
import type { NewDocument, Store } from './types.js';

const town = (name: string, iso3: string, country: string, admin1: string, lat: number, lon: number): Place => ({
  name, country, iso3, admin1, admin2: null, latitude: lat, longitude: lon, precision: 1, featureCode: 'PPL', population: 1000, id: `t:${name}`,
});
const MOGADISHU = town('Mogadishu', 'SOM', 'Somalia', 'Banadir', 2.0371, 45.3438);
const KISMAYO = town('Kismayo', 'SOM', 'Somalia', 'Lower Juba', -0.3582, 42.5454);
const KADUNA = town('Kaduna', 'NGA', 'Nigeria', 'Kaduna', 10.5264, 7.4382);

function coded(over: Partial<CodedEvent> = {}): CodedEvent {
  return {
    eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED', date: '2024-03-04', dateEnd: null, timePrecision: 1,
    actor1: 'Al Shabaab', actor2: 'Civilians (Somalia)', assocActor1: null, assocActor2: null, inter1: 2, inter2: 7,
    place: MOGADISHU, location: 'Mogadishu', fatalities: 9, tollPrecise: true, counts: { killed: { low: 9, high: null } },
    status: 'occurred', attributedTo: null, source: 'Wire', evidence: [], confidence: 0.8, inLead: true,
    stated: { date: true, reportDate: false, place: true, actor1: true, kind: true }, why: [], ...over,
  };
}

let n = 0;
/** A document with one mention per event; evidence points into the document's own text. */
function document(text: string, published: string, events: CodedEvent[], source = 'Wire'): { doc: NewDocument; mentions: Array<{ id: string; event: CodedEvent }> } {
  const id = `d${(n++).toString().padStart(4, '0')}`;
  const mentions = events.map((e, k) => ({
    id: `${id}-m${k}`,
    event: { ...e, source, evidence: [{ doc: id, start: 0, end: Math.min(20, text.length), text: text.slice(0, 20) }] },
  }));
  return {
    doc: { id, text, meta: { name: `${id}.txt`, externalId: null, url: null, title: null, published, source }, signature: '0'.repeat(1024), bands: [`b:${id}`], warnings: [] },
    mentions,
  };
}

async function add(store: Store, d: ReturnType<typeof document>, copyOf: { id: string; similarity: number } | null = null) {
  return store.addDocument(d.doc, d.mentions, copyOf);
}

forEachBackend((b) => {
  test('the same document twice is stored once', async () => {
    const store = await b.open();
    const d = document('A car bomb exploded outside a hotel in Mogadishu.', '2024-03-04', [coded()]);
    assert.equal((await add(store, d)).status, 'new');
    assert.equal((await add(store, d)).status, 'known');
    assert.deepEqual(await store.stats(), { documents: 1, copies: 0, mentions: 1, events: 1 });
    await store.close();
  });

  test('three reports of one bombing make one event: every source, the latest toll, the range seen', async () => {
    const store = await b.open();
    const first = await add(store, document('A car bomb exploded outside a hotel in Mogadishu on Monday, killing nine.', '2024-03-04', [coded()]));
    const second = await add(store, document('The toll of Monday\'s hotel bombing in Mogadishu rose to 15.', '2024-03-05', [coded({ fatalities: 15, counts: { killed: { low: 15, high: null } }, stated: { date: true, reportDate: false, place: true, actor1: false, kind: true }, actor1: 'Unidentified Armed Group (Somalia)' })], 'Daily'));
    const third = await add(store, document('Officials now say 21 died in the hotel bombing in Mogadishu.', '2024-03-07', [coded({ fatalities: 21, counts: { killed: { low: 21, high: null } } })], 'Radio'));
    assert.deepEqual([first.eventsNew, second.eventsMerged, third.eventsMerged], [1, 1, 1]);
    const { events } = await store.findEvents({});
    assert.equal(events.length, 1);
    const e = events[0]!;
    assert.equal(e.fatalities, 21);
    assert.deepEqual(e.counts.killed, { low: 9, high: 21 });
    assert.equal(e.source, 'Wire; Daily; Radio');
    assert.equal(e.actor1, 'Al Shabaab');
    const stored = await store.getEvent(e.id);
    assert.equal(stored?.documents.length, 3);
    assert.equal(stored?.links[0]?.why, 'founded the event');
    assert.match(stored?.links[1]?.why ?? '', /same sub-type .* same date 2024-03-04; places Mogadishu and Mogadishu 0 km apart/);
    await store.close();
  });

  test('a bombing, the arrests of suspects the next day and a protest after stay three events', async () => {
    const store = await b.open();
    await add(store, document('Bomb.', '2024-03-04', [coded()]));
    await add(store, document('Arrests.', '2024-03-05', [coded({ eventType: 'Strategic developments', subEventType: 'Arrests', date: '2024-03-05', actor1: 'Police Forces of Somalia', actor2: null, fatalities: 0, counts: { arrested: { low: 5, high: null } } })]));
    await add(store, document('Protest.', '2024-03-06', [coded({ eventType: 'Protests', subEventType: 'Peaceful protest', date: '2024-03-06', actor1: 'Protesters (Somalia)', actor2: null, fatalities: 0, counts: {} })]));
    // Another bombing the same day in another city is another event too.
    await add(store, document('Kismayo bomb.', '2024-03-04', [coded({ place: KISMAYO, location: 'Kismayo' })]));
    assert.equal((await store.stats()).events, 4);
    await store.close();
  });

  test('a wire copy is stored, linked to its original, and its mention is evidence, not a new report', async () => {
    const store = await b.open();
    const original = await add(store, document('Wire story.', '2024-03-04', [coded()]));
    const copy = await add(store, document('Wire story, republished.', '2024-03-04', [coded({ fatalities: 7, counts: { killed: { low: 7, high: null } } })], 'Site'), { id: original.documentId, similarity: 0.9 });
    assert.equal(copy.status, 'copy');
    assert.equal(copy.copyOf, original.documentId);
    const { events } = await store.findEvents({});
    assert.equal(events.length, 1);
    // The copy's figure widens the range but does not set the toll: it is not an independent report.
    assert.equal(events[0]!.fatalities, 9);
    const doc = await store.getDocument(copy.documentId);
    assert.equal(doc?.copyOf, original.documentId);
    assert.deepEqual(doc?.events, [events[0]!.id]);
    assert.equal((await store.stats()).copies, 1);
    await store.close();
  });

  test('re-merging rebuilds the same events with the same ids', async () => {
    const store = await b.open();
    await add(store, document('One.', '2024-03-04', [coded(), coded({ subEventType: 'Attack', eventType: 'Violence against civilians', place: KADUNA, location: 'Kaduna', actor1: 'Unidentified Armed Group (Nigeria)', actor2: 'Civilians (Nigeria)' })]));
    await add(store, document('Two.', '2024-03-05', [coded({ fatalities: 12, counts: { killed: { low: 12, high: null } } })]));
    const before = (await store.findEvents({})).events;
    assert.equal((await store.remerge()).events, before.length);
    assert.deepEqual((await store.findEvents({})).events, before);
    await store.close();
  });

  test('queries: filters, full text, places, and values that look like SQL are only values', async () => {
    const store = await b.open();
    await add(store, document('Mogadishu hotel bombing.', '2024-03-04', [coded()]));
    await add(store, document('Kismayo market attack.', '2024-02-10', [coded({ eventType: 'Violence against civilians', subEventType: 'Attack', date: '2024-02-10', place: KISMAYO, location: 'Kismayo', fatalities: 2, counts: { killed: { low: 2, high: null } } })]));
    await add(store, document('Kaduna raid.', '2024-03-01', [coded({ eventType: 'Violence against civilians', subEventType: 'Attack', date: '2024-03-01', place: KADUNA, location: 'Kaduna', actor1: 'Unidentified Armed Group (Nigeria)', actor2: 'Civilians (Nigeria)', fatalities: 0, counts: {} })]));
    const locations = async (q: Parameters<Store['findEvents']>[0]): Promise<string[]> => (await store.findEvents(q)).events.map((e) => e.location);
    assert.deepEqual(await locations({}), ['Mogadishu', 'Kaduna', 'Kismayo']);
    assert.deepEqual(await locations({ country: 'som' }), ['Mogadishu', 'Kismayo']);
    assert.deepEqual(await locations({ country: 'Nigeria' }), ['Kaduna']);
    assert.deepEqual(await locations({ from: '2024-03-01', to: '2024-03-03' }), ['Kaduna']);
    assert.deepEqual(await locations({ subType: 'attack', minFatalities: 1 }), ['Kismayo']);
    assert.deepEqual(await locations({ actor: 'shabaab' }), ['Mogadishu', 'Kismayo']);
    assert.deepEqual(await locations({ admin1: 'lower juba' }), ['Kismayo']);
    assert.deepEqual(await locations({ text: 'Hotel, Mogadishu' }), ['Mogadishu']);
    assert.deepEqual(await locations({ near: { lat: 2.0, lon: 45.3, km: 20 } }), ['Mogadishu']);
    assert.deepEqual(await locations({ bbox: { minLon: 40, minLat: -2, maxLon: 46, maxLat: 3 } }), ['Mogadishu', 'Kismayo']);
    for (const evil of ["' OR 1=1 --", '%', '_', '"', '; DROP TABLE events; --', 'NEAR(a b)', '*']) {
      for (const q of [{ country: evil }, { admin1: evil }, { actor: evil }, { text: evil }, { subType: evil }]) {
        assert.deepEqual(await locations(q), [], JSON.stringify(q));
      }
    }
    assert.equal((await store.stats()).events, 3);
    await store.close();
  });

  test('pages follow each other without repeats or gaps; a foreign cursor is refused', async () => {
    const store = await b.open();
    for (let day = 1; day <= 9; day++) {
      const date = `2024-03-0${day}`;
      await add(store, document(`Day ${day}.`, date, [coded({ date }), coded({ date, place: KADUNA, location: 'Kaduna', actor1: 'Unidentified Armed Group (Nigeria)' })]));
    }
    const all = (await store.findEvents({ limit: 1000 })).events.map((e) => e.id);
    assert.equal(all.length, 18);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await store.findEvents({ limit: 4, cursor });
      paged.push(...page.events.map((e) => e.id));
      cursor = page.next;
    } while (cursor);
    assert.deepEqual(paged, all);
    await assert.rejects(store.findEvents({ cursor: 'bm90IGEgY3Vyc29y' }), (e: unknown) => e instanceof SitrepError && e.code === 'E_BAD_ARGUMENT');
    await store.close();
  });

  test('tokens: shown once, kept hashed, verified', async () => {
    const store = await b.open();
    const { token } = await store.createToken('analyst');
    assert.match(token, /^st_[\w-]{20,}$/);
    assert.equal(await store.verifyToken(token), 'analyst');
    assert.equal(await store.verifyToken(token + 'x'), null);
    await assert.rejects(store.createToken('analyst'), /exists already/);
    await assert.rejects(store.createToken('bad name!'), /must be/);
    await store.close();
    const rows = await b.query<{ hash: string }>('SELECT hash FROM tokens');
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]!.hash, token);
  });

  test('a store of a newer schema is refused with one clear error', async () => {
    await (await b.open()).close();
    await b.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'now')");
    await assert.rejects(b.reopen(), (e: unknown) => e instanceof SitrepError && e.code === 'E_STORE' && /schema version 99/.test(e.message));
  });
});
