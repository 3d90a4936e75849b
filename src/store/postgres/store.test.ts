/**
 * What only the shared PostgreSQL store has to get right: several processes writing at once
 * (reports of one event placed at the same moment make one event; the same text stored once;
 * migrations applied once), and place filters that give the same events through PostGIS and
 * through the portable index. Skipped, loudly, without SITREP_TEST_PG.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { MERGER } from '../../corpus.js';
import type { CodedEvent, Place } from '../../types.js';
import { pgDatabase, pgServer } from '../test-backends.js';
import type { EventQuery, NewDocument, NewMention, Store } from '../types.js';
import { openPostgresStore, type PostgresStore } from './store.js';

const server = pgServer();

const place = (name: string, iso3: string, lat: number, lon: number): Place => ({
  name, country: iso3, iso3, admin1: `${name} Region`, admin2: null, latitude: lat, longitude: lon, precision: 1, featureCode: 'PPL', population: 1000, id: `t:${name}`,
});

function coded(p: Place, date: string, fatalities: number): CodedEvent {
  return {
    eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED', date, dateEnd: null, timePrecision: 1,
    actor1: 'Al Shabaab', actor2: `Civilians (${p.country})`, assocActor1: null, assocActor2: null, inter1: 2, inter2: 7,
    place: p, location: p.name, fatalities, tollPrecise: true, counts: { killed: { low: fatalities, high: null } },
    status: 'occurred', attributedTo: null, source: 'Wire', evidence: [], confidence: 0.8, inLead: true,
    stated: { date: true, reportDate: false, place: true, actor1: true, kind: true }, why: [],
  };
}

function report(key: string, text: string, event: CodedEvent): { doc: NewDocument; mentions: NewMention[] } {
  const evidence = [{ doc: key, start: 0, end: text.length, text }];
  return {
    doc: { id: key, text, meta: { name: `${key}.txt`, externalId: null, url: null, title: null, published: event.date, source: 'Wire' }, signature: '0', bands: [], warnings: [] },
    mentions: [{ id: `${key}-m0`, event: { ...event, evidence } }],
  };
}

/** Bombings in five towns of one country on one day, each told by `perEvent` reports. */
function cluster(perEvent: number): Array<{ doc: NewDocument; mentions: NewMention[] }> {
  const towns = [place('Afgooye', 'SOM', 2.14, 45.12), place('Baidoa', 'SOM', 3.11, 43.65), place('Beledweyne', 'SOM', 4.74, 45.2),
    place('Kismayo', 'SOM', -0.36, 42.55), place('Garowe', 'SOM', 8.4, 48.48)];
  const reports = [];
  for (let k = 0; k < perEvent; k++) {
    for (const t of towns) reports.push(report(`d-${t.name}-${k}`, `Report ${k}: a bomb in ${t.name} killed ${3 + k}.`, coded(t, '2024-03-04', 3 + k)));
  }
  return reports;
}

describe('postgres: several writers at once', { skip: server ? false : 'SKIPPED: PostgreSQL tests (set SITREP_TEST_PG)' }, () => {
  const db = pgDatabase(server ?? 'postgres://unused/x');

  test('stores opened at the same moment on a new database apply each migration once', async () => {
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(db.url(), MERGER, { poolSize: 2 })));
    const c = new pg.Client({ connectionString: db.url() });
    await c.connect();
    const versions = (await c.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
    await c.end();
    assert.deepEqual(versions, [1, 2, 3, 4]);
    await Promise.all(stores.map((s) => s.close()));
  });

  test('four writers placing reports of the same five events at once make five events, each with every report', async () => {
    const writers = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore(db.url(), MERGER, { poolSize: 3 })));
    const reports = cluster(6);
    // Every writer takes every fourth report, all in flight together: 30 transactions racing.
    await Promise.all(reports.map((r, i) => writers[i % 4]!.addDocument(r.doc, r.mentions, null)));
    const store = writers[0]!;
    assert.deepEqual(await store.stats(), { documents: 30, copies: 0, mentions: 30, events: 5 });
    const { events } = await store.findEvents({});
    for (const e of events) {
      const stored = await store.getEvent(e.id);
      assert.equal(stored?.links.length, 6, `${e.location}: ${JSON.stringify(stored?.links)}`);
      assert.equal(stored?.links.filter((l) => l.why === 'founded the event').length, 1);
    }
    await Promise.all(writers.map((s) => s.close()));
  });

  test('the same text stored by two writers at once is stored once', async () => {
    const [a, b] = await Promise.all([openPostgresStore(db.url(), MERGER), openPostgresStore(db.url(), MERGER)]);
    const r = report('d-twice', 'A bomb in Jowhar killed two.', coded(place('Jowhar', 'SOM', 2.78, 45.5), '2024-05-01', 2));
    const outcomes = await Promise.all([a!.addDocument(r.doc, r.mentions, null), b!.addDocument(r.doc, r.mentions, null)]);
    assert.deepEqual(outcomes.map((o) => o.status).sort(), ['known', 'new']);
    assert.equal((await a!.findEvents({ text: 'Jowhar' })).events.length, 1);
    await Promise.all([a!.close(), b!.close()]);
  });
});

describe('postgres: place filters with and without PostGIS', { skip: server ? false : 'SKIPPED: PostgreSQL tests (set SITREP_TEST_PG)' }, () => {
  const auto = pgDatabase(server ?? 'postgres://unused/x', '_auto');
  const portable = pgDatabase(server ?? 'postgres://unused/x', '_portable');

  const queries: EventQuery[] = [
    { bbox: { minLon: 42, minLat: -1, maxLon: 46, maxLat: 3.5 } },
    { bbox: { minLon: 45.12, minLat: 2.14, maxLon: 45.12, maxLat: 2.14 } },
    { near: { lat: 2.0, lon: 45.3, km: 30 } },
    { near: { lat: 3.0, lon: 44.0, km: 200 } },
    { near: { lat: 3.0, lon: 44.0, km: 200 }, bbox: { minLon: 40, minLat: 0, maxLon: 50, maxLat: 10 } },
  ];

  async function fill(store: Store): Promise<string[][]> {
    for (const r of cluster(1)) await store.addDocument(r.doc, r.mentions, null);
    const answers: string[][] = [];
    for (const q of queries) answers.push((await store.findEvents(q)).events.map((e) => e.location).sort());
    return answers;
  }

  test('PostGIS where the server has it, the core point index where told not to; the same events either way', async () => {
    const c = new pg.Client({ connectionString: auto.url() });
    await c.connect();
    const available = (await c.query("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")).rowCount === 1;
    await c.end();
    const withAuto: PostgresStore = await openPostgresStore(auto.url(), MERGER);
    const withPortable: PostgresStore = await openPostgresStore(portable.url(), MERGER, { spatial: 'portable' });
    assert.equal(withAuto.spatial, available ? 'postgis' : 'portable');
    assert.equal(withPortable.spatial, 'portable');
    const [a, b] = [await fill(withAuto), await fill(withPortable)];
    assert.deepEqual(a, b);
    assert.deepEqual(a, [['Afgooye', 'Baidoa', 'Kismayo'], ['Afgooye'], ['Afgooye'], ['Afgooye', 'Baidoa'], ['Afgooye', 'Baidoa']]);
    await Promise.all([withAuto.close(), withPortable.close()]);
  });
});
