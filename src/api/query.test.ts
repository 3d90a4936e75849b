/**
 * GET /events and the exports over a store of synthetic events: filters do what they say,
 * SQL and LIKE metacharacters in every filter are data (no error, no extra rows, nothing
 * altered), cursor pages concatenate to the full list without repeats even while documents
 * arrive, and the exports stream the same events as the listing.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { ACLED_COLUMNS } from '../record/index.js';
import type { EventRecord } from '../types.js';
import { buildApp } from './app.js';
import { addSynthetic, seedGrid, tempStore, type TempStore } from './testing.js';

const COUNT = 240;
let temp: TempStore;
let app: FastifyInstance;

before(async () => {
  temp = tempStore();
  await seedGrid(temp.store, COUNT, '2023-05-01', 7);
  // Names that hold the characters an injection would use, so that matching them literally shows.
  await addSynthetic(temp.store, { date: '2023-06-01', actor1: "100% O'Brien_Brigade", country: 'Quote"land', iso3: 'QQQ', admin1: "Drop; Table's", latitude: 10, longitude: 10 }, 9001);
  app = await buildApp({ store: temp.store, corpus: null, logError: () => {} });
});
after(async () => {
  await app.close();
  await temp.dispose();
});

type Page = { events: EventRecord[]; next: string | null };
const get = async (url: string): Promise<Page> => {
  const r = await app.inject({ url });
  assert.equal(r.statusCode, 200, `${url}: ${r.body}`);
  return r.json() as Page;
};

async function all(query: string, limit = 1000): Promise<EventRecord[]> {
  const out: EventRecord[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await get(`/events?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    out.push(...page.events);
    cursor = page.next;
  } while (cursor);
  return out;
}

test('filters select what they name', async () => {
  const everything = await all('');
  assert.equal(everything.length, COUNT + 1);
  const day = await all('from=2023-05-03&to=2023-05-03');
  assert.ok(day.length > 0 && day.every((e) => e.event_date === '2023-05-03'));
  assert.equal((await all('country=tst')).length, COUNT, 'ISO3 in any case');
  assert.equal((await all('country=Testland')).length, COUNT);
  const heavy = await all('min_fatalities=4');
  assert.ok(heavy.length > 0 && heavy.every((e) => e.fatalities >= 4));
  assert.equal((await all('actor=brien_brig')).length, 1, 'actor matches part of a name');
  assert.equal((await all('sub_type=attack&type=violence against civilians&status=occurred')).length, COUNT + 1);
  assert.equal((await all('sub_type=Arrests')).length, 0);
  const box = await all('bbox=-170.1,-40.1,-168.1,-39.9');
  assert.deepEqual(box.map((e) => e.longitude).sort((a, b) => a - b), [-170, -169.5, -169, -168.5]);
  const near = await all('near=-40,-170,45');
  assert.deepEqual(near.map((e) => e.longitude).sort((a, b) => a - b), [-170, -169.5], 'within 45 km: the point and its neighbour 43 km east, not the one 56 km north');
  assert.equal((await all('text=gunmen village')).length, COUNT + 1, 'every word must occur, in any order');
  assert.equal((await all('text=gunmen submarine')).length, 0);
});

test('SQL and LIKE metacharacters in every filter are data: no error, no extra rows, nothing changed', async () => {
  const values = ["' OR 1=1 --", '%', '_', '"', ';DROP TABLE events', "Testland' OR '1'='1", "x'); DELETE FROM events; --", '\\', '*', 'NEAR(a b)', 'text:gunmen'];
  const freeText = ['country', 'admin1', 'actor', 'text'];
  for (const name of freeText) {
    for (const value of values) {
      const url = `/events?${name}=${encodeURIComponent(value)}`;
      const events = await all(`${name}=${encodeURIComponent(value)}`);
      // The only rows that may match are those that hold the characters literally.
      for (const e of events) {
        const field = name === 'actor' ? `${e.actor1} ${e.actor2 ?? ''}` : name === 'country' ? `${e.country} ${e.iso3}` : name === 'admin1' ? String(e.admin1) : '';
        if (name !== 'text') assert.ok(field.toLowerCase().includes(value.toLowerCase()), `${url} matched ${e.id} (${field})`);
      }
      assert.ok(events.length <= 1, `${url}: ${events.length} rows`);
      for (const path of ['/export.csv', '/export.geojson']) {
        const r = await app.inject({ url: `${path}?${name}=${encodeURIComponent(value)}` });
        assert.equal(r.statusCode, 200, `${path} ${name}=${value}`);
      }
    }
  }
  // Literal matches of names that hold such characters.
  assert.equal((await all('actor=%25')).length, 1, 'actor "%" finds only the name with a % in it');
  assert.equal((await all('actor=_')).length, 1, 'actor "_" finds only the name with an underscore');
  assert.equal((await all(`actor=${encodeURIComponent("O'Brien")}`)).length, 1);
  assert.equal((await all(`admin1=${encodeURIComponent("Drop; Table's")}`)).length, 1);
  assert.equal((await all(`country=${encodeURIComponent('Quote"land')}`)).length, 1);

  // Typed filters refuse such values with a 400 (never a 500) and query nothing.
  const typed = ['from', 'to', 'type', 'sub_type', 'near', 'bbox', 'min_fatalities', 'status', 'cursor', 'limit'];
  for (const name of typed) {
    for (const value of values) {
      const r = await app.inject({ url: `/events?${name}=${encodeURIComponent(value)}` });
      assert.equal(r.statusCode, 400, `${name}=${value}: ${r.body}`);
      assert.match((r.json() as { message: string }).message, new RegExp(`^${name}`));
    }
  }
  assert.deepEqual(await temp.store.stats(), { documents: COUNT + 1, copies: 0, mentions: COUNT + 1, events: COUNT + 1 }, 'nothing was altered');
});

test('cursor pages concatenate to the full list, newest first, with no repeats', async () => {
  const full = await all('', 1000);
  for (const size of [1, 7, 50, 240, 241]) {
    const paged = await all('', size);
    assert.deepEqual(paged.map((e) => e.id), full.map((e) => e.id), `pages of ${size}`);
  }
  const dates = full.map((e) => e.event_date);
  assert.deepEqual(dates, [...dates].sort().reverse());
  assert.equal(new Set(full.map((e) => e.id)).size, full.length);
  const filtered = await all('from=2023-05-02&to=2023-05-05', 1000);
  assert.deepEqual((await all('from=2023-05-02&to=2023-05-05', 9)).map((e) => e.id), filtered.map((e) => e.id));
});

test('pages stay stable while documents arrive: no repeats, nothing that was there is missed', async () => {
  const before = new Set((await all('country=TST')).map((e) => e.id));
  const seen: string[] = [];
  let cursor: string | null = null;
  let added = 0;
  do {
    const page: Page = await get(`/events?country=TST&limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    seen.push(...page.events.map((e) => e.id));
    cursor = page.next;
    // New events land both before and after the reader's position.
    for (const date of ['2023-04-20', '2023-05-04', '2023-05-30']) {
      await addSynthetic(temp.store, { date, latitude: 20 + added * 0.5, longitude: 20 }, 5000 + added);
      added++;
    }
  } while (cursor);
  assert.equal(new Set(seen).size, seen.length, 'no event twice');
  for (const id of before) assert.ok(seen.includes(id), `${id} was listed`);
});

test('the CSV and GeoJSON exports stream the same events as the listing, in ACLED columns and as features', async () => {
  const listed = await all('from=2023-05-01&to=2023-05-07&country=TST');
  const csv = await app.inject({ url: '/export.csv?from=2023-05-01&to=2023-05-07&country=TST' });
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  const lines = csv.body.trimEnd().split('\n');
  assert.equal(lines[0], ACLED_COLUMNS.join(','));
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]), listed.map((e) => e.id));
  const row = lines[1]!.split(',');
  assert.equal(row[ACLED_COLUMNS.indexOf('inter1')], '3', 'inter codes come from the stored coded event');
  assert.equal(row[ACLED_COLUMNS.indexOf('interaction')], '37');

  const geo = await app.inject({ url: '/export.geojson?from=2023-05-01&to=2023-05-07&country=TST' });
  assert.match(String(geo.headers['content-type']), /^application\/geo\+json/);
  const collection = geo.json() as { type: string; features: Array<{ id: string; geometry: { coordinates: number[] }; properties: EventRecord }> };
  assert.equal(collection.type, 'FeatureCollection');
  assert.deepEqual(collection.features.map((f) => f.id), listed.map((e) => e.id));
  const f = collection.features[0]!;
  assert.deepEqual(f.geometry.coordinates, [f.properties.longitude, f.properties.latitude]);

  const none = await app.inject({ url: '/export.geojson?country=Atlantis' });
  assert.deepEqual(none.json(), { type: 'FeatureCollection', features: [] });
  assert.equal((await app.inject({ url: '/export.csv?country=Atlantis' })).body, ACLED_COLUMNS.join(',') + '\n');
});
