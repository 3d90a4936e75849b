import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord } from '../types.js';
import { FEATURE_COLLECTION_HEAD, FEATURE_COLLECTION_TAIL, toFeature, toFeatureCollection } from './geojson.js';

const record: EventRecord = {
  id: 'ev0123456789abcd', event_date: '2023-03-04', date_end: null, time_precision: 1, event_type: 'Explosions/Remote violence',
  sub_event_type: 'Shelling/artillery/missile attack', actor1: 'Unidentified Armed Group', actor2: 'Civilians (Ukraine)',
  assoc_actor_1: null, assoc_actor_2: null, country: 'Ukraine', iso3: 'UKR', admin1: 'Kharkiv', admin2: null, location: 'Kupiansk',
  latitude: 49.71055, longitude: 37.61517, geo_precision: 1, fatalities: 2, counts: { killed: { low: 2, high: null } }, status: 'occurred',
  attributed_to: 'the regional governor', source: 'Example Wire', notes: 'On 4 March 2023, shelling hit Kupiansk. 2 fatalities.',
  evidence: [{ doc: 'd0', start: 0, end: 10, text: 'Shells hit' }], confidence: 0.7,
};

test('a feature is a point at longitude, latitude (RFC 7946 order) carrying the whole record', () => {
  const f = toFeature(record);
  assert.equal(f.type, 'Feature');
  assert.deepEqual(f.geometry, { type: 'Point', coordinates: [37.61517, 49.71055] });
  assert.equal(f.id, record.id);
  assert.deepEqual(f.properties, record);
});

test('the streamed form (head, features joined by commas, tail) parses to the same collection', () => {
  const records = [record, { ...record, id: 'ev2', latitude: -1.5, longitude: 29.25 }];
  const streamed = FEATURE_COLLECTION_HEAD + records.map((r) => JSON.stringify(toFeature(r))).join(',\n') + FEATURE_COLLECTION_TAIL;
  assert.deepEqual(JSON.parse(streamed), toFeatureCollection(records));
  assert.deepEqual(JSON.parse(FEATURE_COLLECTION_HEAD + FEATURE_COLLECTION_TAIL), { type: 'FeatureCollection', features: [] });
});
