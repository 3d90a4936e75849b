import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../doc.js';
import type { CodedEvent } from '../types.js';
import { ACLED_COLUMNS, csvLine, notesOf, toAcledRow, toRecord } from './index.js';

const text = 'IS attacked Sweida on July 25, killing more than 250 people.';
const doc = createDoc(text, { name: 't' });
const event: CodedEvent = {
  eventType: 'Violence against civilians', subEventType: 'Attack', date: '2018-07-25', dateEnd: null, timePrecision: 1,
  actor1: 'Islamic State', actor2: 'Civilians (Syria)', assocActor1: null, assocActor2: 'Druze Religious Group (Syria)', inter1: 2, inter2: 7,
  place: { name: 'As-Suwayda', country: 'Syria', iso3: 'SYR', admin1: 'As-Suwayda', admin2: 'As-Suwayda', latitude: 32.7089412, longitude: 36.5695, precision: 1, featureCode: 'PPLA', population: 59052, id: '172408' },
  location: 'As-Suwayda', fatalities: 250, tollPrecise: true, counts: { killed: { low: 250, high: null } }, status: 'occurred', attributedTo: null, source: 'AFP',
  evidence: [{ doc: doc.id, start: 0, end: text.length, text }], confidence: 0.8, inLead: true, stated: { date: true, reportDate: false, place: true, actor1: true, kind: true }, why: [],
};

test('notes read like ACLED notes', () => {
  assert.equal(notesOf(event), 'On 25 July 2018, Islamic State attacked civilians in As-Suwayda. 250 fatalities.');
  assert.equal(notesOf({ ...event, timePrecision: 3, fatalities: 0 }), 'In July 2018, Islamic State attacked civilians in As-Suwayda.');
  assert.match(notesOf({ ...event, status: 'alleged' }), /\[status: alleged\]$/);
});

test('records carry contract fields in snake_case with rounded coordinates and a stable id', () => {
  const record = toRecord(event, doc);
  assert.equal(record.latitude, 32.70894);
  assert.equal(record.assoc_actor_2, 'Druze Religious Group (Syria)');
  assert.equal(record.id, toRecord(event, doc).id);
  assert.notEqual(record.id, toRecord({ ...event, subEventType: 'Abduction/forced disappearance' }, doc).id);
});

test('ACLED CSV rows: interaction smallest code first, one-sided events end in 0, quoting per RFC 4180', () => {
  const record = toRecord(event, doc);
  const row = toAcledRow(record, { inter1: 2, inter2: 7, region: 'Middle East', timestamp: 1 });
  assert.equal(row.interaction, 27);
  assert.equal(row.disorder_type, 'Political violence');
  assert.equal(row.civilian_targeting, 'Civilian targeting');
  assert.equal(toAcledRow({ ...record, actor2: null }, { inter1: 2, inter2: 7, region: null, timestamp: 1 }).interaction, 20);
  assert.equal(toAcledRow(record, { inter1: 8, inter2: 1, region: null, timestamp: 1 }).interaction, 18);
  assert.equal(Object.keys(row).join(','), ACLED_COLUMNS.join(','));
  assert.equal(csvLine(['a', 'b,c', 'say "hi"', 3]), 'a,"b,c","say ""hi""",3');
});
