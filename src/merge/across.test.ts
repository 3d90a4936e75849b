import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodedEvent, Place } from '../types.js';
import { foldReports, matchAcross, sameEventAcross, type Report } from './across.js';

const place = (name: string, lat: number, lon: number, precision: 1 | 2 | 3 = 1): Place => ({
  name, country: 'Ukraine', iso3: 'UKR', admin1: 'Donetsk', admin2: null, latitude: lat, longitude: lon, precision,
  featureCode: 'PPL', population: 0, id: `t:${name}`,
});
const KRAMATORSK = place('Kramatorsk', 48.7233, 37.5567);
const SLOVIANSK = place('Sloviansk', 48.8525, 37.6044); // 15 km north
const POKROVSK = place('Pokrovsk', 48.282, 37.1758); // 60 km south-west

function event(over: Partial<CodedEvent> = {}): CodedEvent {
  return {
    eventType: 'Explosions/Remote violence', subEventType: 'Shelling/artillery/missile attack', date: '2022-04-08', dateEnd: null, timePrecision: 1,
    actor1: 'Military Forces of Russia', actor2: 'Civilians (Ukraine)', assocActor1: null, assocActor2: null, inter1: 8, inter2: 7,
    place: KRAMATORSK, location: 'Kramatorsk', fatalities: 30, tollPrecise: true, counts: { killed: { low: 30, high: null } },
    status: 'occurred', attributedTo: null, source: 'Wire', evidence: [{ doc: 'd1', start: 0, end: 5, text: 'x'.repeat(5) }],
    confidence: 0.7, inLead: true, stated: { date: true, reportDate: false, place: true, actor1: true, kind: true }, why: [], ...over,
  };
}

test('the same strike across reports matches; another day, place or perpetrator does not', () => {
  assert.match(sameEventAcross(event(), event({ fatalities: 57 })) ?? '', /^same sub-type/);
  assert.equal(sameEventAcross(event(), event({ date: '2022-04-10' })), null);
  assert.equal(sameEventAcross(event(), event({ place: POKROVSK, location: 'Pokrovsk' })), null);
  assert.equal(sameEventAcross(event(), event({ actor1: 'Military Forces of Ukraine' })), null);
  // A week-precision date overlaps the day it contains.
  assert.notEqual(sameEventAcross(event(), event({ date: '2022-04-06', timePrecision: 2 })), null);
});

test('across reports, kinds must agree more closely than inside one article', () => {
  const UKRAINE: Place = { ...place('Ukraine', 49, 32, 3), featureCode: 'COUNTRY', admin1: null, id: 'country:UKR' };
  const strike = event({ subEventType: 'Air/drone strike' });
  // The same stated town: a shelling in one report, an air strike in another, is one event.
  assert.notEqual(sameEventAcross(event(), strike), null);
  // Placed only in the country: only the same sub-type on the same day by the same actor.
  const vague = (over: Partial<CodedEvent>) => event({ place: UKRAINE, location: 'Ukraine', stated: { date: true, reportDate: false, place: false, actor1: true, kind: true }, ...over });
  assert.equal(sameEventAcross(event(), vague({ subEventType: 'Air/drone strike' })), null);
  assert.equal(sameEventAcross(event(), vague({ date: '2022-04-07', timePrecision: 2 })), null);
  assert.notEqual(sameEventAcross(event(), vague({})), null);
});

test('of two compatible events, a mention joins the closest', () => {
  const candidates = [
    { id: 'near', event: event({ place: SLOVIANSK, location: 'Sloviansk' }) },
    { id: 'same', event: event() },
  ];
  assert.equal(matchAcross(event(), candidates)?.id, 'same');
  assert.equal(matchAcross(event({ date: '2022-05-01' }), candidates), null);
});

test('folding: the latest independent report sets the toll, every source is listed', () => {
  const report = (seq: number, published: string, fatalities: number, source: string, copy = false): Report => ({
    id: `m${seq}`, documentId: `d${seq}`, seq, published, copy,
    event: event({ fatalities, counts: { killed: { low: fatalities, high: null } }, source, evidence: [{ doc: `d${seq}`, start: 0, end: 5, text: 'x'.repeat(5) }] }),
  });
  const folded = foldReports([report(1, '2022-04-08', 30, 'Wire'), report(2, '2022-04-10', 57, 'Ledger'), report(3, '2022-04-11', 39, 'Digest', true)]);
  assert.equal(folded.fatalities, 57);
  assert.deepEqual(folded.counts.killed, { low: 30, high: 57 });
  assert.equal(folded.source, 'Wire; Ledger; Digest');
  assert.deepEqual(folded.evidence.map((e) => e.doc), ['d1', 'd2', 'd3']);
});

test('folding: an act one report doubted and another independent report states as fact occurred', () => {
  const report = (seq: number, status: CodedEvent['status'], copy = false): Report => ({
    id: `m${seq}`, documentId: `d${seq}`, seq, published: `2022-04-0${seq + 7}`, copy, event: event({ status }),
  });
  assert.equal(foldReports([report(1, 'alleged'), report(2, 'occurred')]).status, 'occurred');
  assert.equal(foldReports([report(1, 'alleged'), report(2, 'occurred', true)]).status, 'alleged', 'a copy confirms nothing');
  assert.equal(foldReports([report(1, 'denied'), report(2, 'occurred')]).status, 'denied');
});
