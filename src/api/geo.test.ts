/**
 * The workbench's geography through the API: the gazetteer search behind the review panel's
 * place field (any spelling the gazetteer knows, a country to keep to, clear 400s) and the
 * admin-1 outlines of the countries a store holds.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { addSynthetic, tempStore, type TempStore } from './testing.js';

let temp: TempStore;
let app: FastifyInstance;

before(async () => {
  temp = tempStore();
  app = await buildApp({ store: temp.store, logError: () => {} });
  await addSynthetic(temp.store, { date: '2023-05-01', country: 'Syria', iso3: 'SYR', admin1: 'Dara', latitude: 32.62, longitude: 36.1 }, 1);
});
after(async () => {
  await app.close();
  await temp.dispose();
});

type Places = { places: Array<{ location: string; iso3: string; admin1: string | null; latitude: number; longitude: number; geo_precision: number; kind: string; id: string }> };
const places = async (query: string): Promise<Places> => (await app.inject({ url: `/places?${query}` })).json() as Places;

test('the place search finds a town in every spelling the gazetteer knows, with what an edit needs', async () => {
  const daraa = await places('q=Daraa&country=SY');
  const town = daraa.places[0]!;
  assert.deepEqual([town.location, town.iso3, town.admin1, town.kind, town.geo_precision], ["Dar'a", 'SYR', 'Dara', 'town', 1]);
  assert.ok(Math.abs(town.latitude - 32.62) < 0.05 && Math.abs(town.longitude - 36.1) < 0.05);
  assert.ok(daraa.places.some((p) => p.kind === 'province' && p.geo_precision === 3), 'the province too');
  for (const spelling of ['Deraa', "Dar'a", 'dara']) assert.equal((await places(`q=${encodeURIComponent(spelling)}&country=SYR`)).places[0]!.id, town.id, spelling);
  const sweida = (await places('q=Sweida&country=SYR')).places[0]!;
  assert.equal(sweida.location, 'As-Suwayda');
  assert.equal((await places('q=As-Suwayda')).places[0]!.id, sweida.id);
});

test('the place search keeps to the country asked for, and finds nothing where nothing is', async () => {
  assert.ok((await places('q=Aleppo')).places.length > 0);
  assert.deepEqual((await places('q=Aleppo&country=IRQ')).places, []);
  assert.deepEqual((await places('q=Qwxzvbn')).places, []);
  assert.equal((await places('q=Kyiv&limit=1')).places.length, 1);
});

test('a bad place search gets a 400 naming the parameter', async () => {
  for (const [query, name] of [['q=', 'q'], ['country=SY', 'q'], ['q=Daraa&country=Syria', 'country'], ['q=Daraa&country=ZZ', 'country'], ['q=Daraa&limit=99', 'limit']] as const) {
    const response = await app.inject({ url: `/places?${query}` });
    assert.equal(response.statusCode, 400, query);
    assert.match(response.json().message, new RegExp(name), query);
  }
});

type Outlines = { type: string; features: Array<{ geometry: { type: string }; properties: { name: string; admin1: string | null; iso3: string } }> };

test('the outlines are the admin-1 divisions of the store\'s countries, or of those asked for', async () => {
  const response = await app.inject({ url: '/geo/admin1' });
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /application\/geo\+json/);
  const stored = response.json() as Outlines;
  assert.equal(stored.type, 'FeatureCollection');
  assert.deepEqual([...new Set(stored.features.map((f) => f.properties.iso3))], ['SYR']);
  const divisions = stored.features.map((f) => f.properties.admin1);
  for (const name of ['Dara', 'As Sweida', 'Aleppo', 'Rural Damascus']) assert.ok(divisions.includes(name), name);
  assert.ok(stored.features.every((f) => /Polygon$/.test(f.geometry.type)));
  const asked = (await app.inject({ url: '/geo/admin1?country=IQ,SYR' })).json() as Outlines;
  assert.deepEqual([...new Set(asked.features.map((f) => f.properties.iso3))].sort(), ['IRQ', 'SYR']);
  assert.equal((await app.inject({ url: '/geo/admin1?country=Syria' })).statusCode, 400);
});
