/**
 * The review API as a client meets it: a reviewer's token on every decision, zod's clear 400s,
 * the audit log, rejected events leaving the listings, edits in GET /events/{id} and both
 * exports, the map's grid and the timeline, and reads behind a token when the server says so.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { FastifyInstance } from 'fastify';
import { ACLED_COLUMNS } from '../record/index.js';
import { buildApp } from './app.js';
import { addSynthetic, tempStore, type TempStore } from './testing.js';

let temp: TempStore;
let app: FastifyInstance;
let token: string;
const ids: string[] = [];

before(async () => {
  temp = tempStore();
  app = await buildApp({ store: temp.store, logError: () => {} });
  token = (await temp.store.createToken('alice')).token;
  await addSynthetic(temp.store, { date: '2023-05-01', latitude: 10, longitude: 20, fatalities: 3 }, 1);
  await addSynthetic(temp.store, { date: '2023-05-02', latitude: 11, longitude: 21, fatalities: 5 }, 2);
  await addSynthetic(temp.store, { date: '2023-05-03', latitude: -30, longitude: 120, fatalities: 0 }, 3);
  const page = (await app.inject({ url: '/events' })).json() as { events: Array<{ id: string; event_date: string }> };
  ids.push(...page.events.sort((a, b) => a.event_date.localeCompare(b.event_date)).map((e) => e.id));
});
after(async () => {
  await app.close();
  await temp.dispose();
});

const review = (id: string, payload: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
  app.inject({ method: 'POST', url: `/events/${id}/review`, headers, payload: payload as object });

test('a review needs a token; a bad body gets a 400 naming the field; an unknown event a 404', async () => {
  const id = ids[0]!;
  assert.equal((await review(id, { action: 'confirm' }, {})).statusCode, 401);
  assert.equal((await review(id, { action: 'confirm' }, { authorization: 'Bearer st_wrong' })).statusCode, 401);
  const bad = await review(id, { action: 'edit', edits: { fatalities: -2 } });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().message, /fatalities/);
  const mismatch = await review(id, { action: 'edit', edits: { event_type: 'Battles', sub_event_type: 'Attack' } });
  assert.equal(mismatch.statusCode, 400);
  assert.match(mismatch.json().message, /sub_event_type/);
  assert.equal((await review(id, { action: 'edit', edits: {} })).statusCode, 400);
  assert.equal((await review(id, { action: 'promote' })).statusCode, 400);
  assert.equal((await review(id, { action: 'edit', edits: { event_date: '2023-02-30' } })).statusCode, 400);
  assert.equal((await review('ev-nothing', { action: 'confirm' })).statusCode, 404);
  const self = await review(id, { action: 'merge', other: id });
  assert.equal(self.statusCode, 400);
  assert.match(self.json().message, /itself/);
  assert.equal((await app.inject({ url: `/events/${id}/audit` })).json().entries.length, 0, 'refused requests leave no trace');
});

test('an edit shows in GET /events/{id}, the CSV and GeoJSON exports, and the audit log', async () => {
  const id = ids[1]!;
  const r = await review(id, { action: 'edit', edits: { fatalities: 17, sub_event_type: 'Abduction/forced disappearance' }, note: 'morgue count' });
  assert.equal(r.statusCode, 200, r.body);
  const detail = (await app.inject({ url: `/events/${id}` })).json() as { event: { fatalities: number; sub_event_type: string; reviewed: { state: string; by: string; fields: string[] } } };
  assert.equal(detail.event.fatalities, 17);
  assert.equal(detail.event.sub_event_type, 'Abduction/forced disappearance');
  assert.deepEqual([detail.event.reviewed.state, detail.event.reviewed.by], ['edited', 'alice']);
  const contract = JSON.parse(readFileSync(new URL('../../contract/event.schema.json', import.meta.url), 'utf8')) as object;
  const validate = new Ajv2020({ strict: false }).compile(contract);
  assert.ok(validate(detail.event), JSON.stringify(validate.errors));

  const rows = parseCsv((await app.inject({ url: '/export.csv' })).body);
  const row = rows.find((cells) => cells[0] === id)!;
  assert.equal(row[ACLED_COLUMNS.indexOf('fatalities')], '17');
  assert.equal(row[ACLED_COLUMNS.indexOf('sub_event_type')], 'Abduction/forced disappearance');
  assert.equal(row[ACLED_COLUMNS.indexOf('tags')], 'sitrep review: edited (sub_event_type, fatalities) by alice');
  const untouched = rows.find((cells) => cells[0] === ids[0])!;
  assert.equal(untouched[ACLED_COLUMNS.indexOf('tags')], '');

  const geo = (await app.inject({ url: '/export.geojson' })).json() as { features: Array<{ properties: { id: string; fatalities: number; reviewed: unknown } }> };
  const feature = geo.features.find((f) => f.properties.id === id)!;
  assert.equal(feature.properties.fatalities, 17);
  assert.ok(feature.properties.reviewed);

  const audit = (await app.inject({ url: `/events/${id}/audit` })).json() as { entries: Array<{ action: string; reviewer: string; note: string; before: { fatalities: number }; after: { fatalities: number } }> };
  assert.equal(audit.entries.length, 1);
  const [entry] = audit.entries;
  assert.deepEqual([entry!.action, entry!.reviewer, entry!.note, entry!.before.fatalities, entry!.after.fatalities], ['edit', 'alice', 'morgue count', 5, 17]);
});

test("an edited actor changes the CSV's inter codes and interaction with it", async () => {
  const id = ids[0]!;
  const column = (row: string[], name: string): string => row[ACLED_COLUMNS.indexOf(name as (typeof ACLED_COLUMNS)[number])]!;
  const before = parseCsv((await app.inject({ url: '/export.csv' })).body).find((cells) => cells[0] === id)!;
  assert.deepEqual([column(before, 'inter1'), column(before, 'inter2'), column(before, 'interaction')], ['3', '7', '37']);
  const r = await review(id, { action: 'edit', edits: { actor1: 'Military Forces of Syria', actor2: 'Protesters (Syria)' } });
  assert.equal(r.statusCode, 200, r.body);
  const after = parseCsv((await app.inject({ url: '/export.csv' })).body).find((cells) => cells[0] === id)!;
  assert.deepEqual([column(after, 'actor1'), column(after, 'inter1'), column(after, 'actor2'), column(after, 'inter2'), column(after, 'interaction')],
    ['Military Forces of Syria', '1', 'Protesters (Syria)', '6', '16']);
  // A name the dictionary does not know keeps the code the reports gave (Civilians: 7).
  await review(id, { action: 'edit', edits: { actor2: 'Residents of the camp' } });
  const unknown = parseCsv((await app.inject({ url: '/export.csv' })).body).find((cells) => cells[0] === id)!;
  assert.equal(column(unknown, 'inter2'), '7');
});

test('a rejected event leaves the listings, the exports, the grid and the timeline unless asked for', async () => {
  const id = ids[2]!;
  assert.equal((await review(id, { action: 'reject' })).statusCode, 200);
  const listed = (await app.inject({ url: '/events' })).json() as { events: Array<{ id: string }> };
  assert.ok(!listed.events.some((e) => e.id === id));
  assert.ok(!(await app.inject({ url: '/export.csv' })).body.includes(id));
  const cells = (await app.inject({ url: '/events/cells?zoom=6' })).json() as { total: number };
  assert.equal(cells.total, ids.length - 1);
  const rejected = (await app.inject({ url: '/events?review=rejected' })).json() as { events: Array<{ id: string; reviewed: { state: string } }> };
  assert.deepEqual(rejected.events.map((e) => [e.id, e.reviewed.state]), [[id, 'rejected']]);
  assert.equal(((await app.inject({ url: '/events?review=all' })).json() as { events: unknown[] }).events.length, ids.length);
  assert.equal((await app.inject({ url: `/events/${id}` })).statusCode, 200, 'still open by id');
  assert.equal((await app.inject({ url: '/events?review=maybe' })).statusCode, 400);
});

test('the grid shrinks with the zoom, singles carry their id, and the timeline counts per day and type', async () => {
  const coarse = (await app.inject({ url: '/events/cells?zoom=0&review=all' })).json() as { cell_degrees: number; cells: Array<{ count: number; id: string | null; by_type: Record<string, number> }> };
  assert.equal(coarse.cell_degrees, 16);
  assert.deepEqual(coarse.cells.map((c) => c.count).sort(), [1, 2]);
  const fine = (await app.inject({ url: '/events/cells?zoom=5&review=all' })).json() as typeof coarse;
  assert.equal(fine.cells.length, 3);
  assert.ok(fine.cells.every((c) => c.id && ids.includes(c.id)));
  assert.equal((await app.inject({ url: '/events/cells?zoom=40' })).statusCode, 400);
  const days = (await app.inject({ url: '/events/days?from=2023-05-02' })).json() as { bucket: string; days: Array<{ date: string; type: string; count: number }> };
  assert.deepEqual(days, { bucket: 'day', days: [{ date: '2023-05-02', type: 'Violence against civilians', count: 1 }] });
  // Three days do not fit two bars: the week from Monday 2023-05-01 holds them all.
  const weeks = (await app.inject({ url: '/events/days?review=all&bins=2' })).json() as typeof days;
  assert.deepEqual(weeks, { bucket: 'week', days: [{ date: '2023-05-01', type: 'Violence against civilians', count: 3 }] });
  assert.equal((await app.inject({ url: '/events/days?bins=0' })).statusCode, 400);
});

test('with protected reads every read needs a token, and the reviewer is the token\'s name', async () => {
  const guarded = await buildApp({ store: temp.store, logError: () => {}, protectReads: true });
  try {
    for (const url of ['/events', `/events/${ids[0]}`, `/events/${ids[0]}/audit`, '/events/cells', '/events/days', '/export.csv']) {
      assert.equal((await guarded.inject({ url })).statusCode, 401, url);
      assert.equal((await guarded.inject({ url, headers: { authorization: `Bearer ${token}` } })).statusCode, 200, url);
    }
  } finally {
    await guarded.close();
  }
});

/** RFC 4180 rows (quoted fields may hold commas and doubled quotes); the header row dropped. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"', i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\n') (row.push(field), rows.push(row), (row = []), (field = ''));
    else field += c;
  }
  return rows.slice(1);
}
