import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SitrepError } from '../errors.js';
import { ALL_SUB_EVENT_TYPES, eventTypeOf } from '../taxonomy.js';
import type { ArticleInput, EventRecord, SubEventType } from '../types.js';
import {
  CASE_OUTSIDE_ACLED, CASE_PUBLISHED, CASE_TO_ACLED, evaluateCase2021, expectedFor, formatCase2021, parseCaseTsv, predictedSubType,
} from './case2021.js';

test('CASE labels: the 25 ACLED classes map one-to-one onto the 25 sub-types', () => {
  const mapped = Object.values(CASE_TO_ACLED);
  assert.equal(mapped.length, 25);
  assert.deepEqual([...new Set(mapped)].sort(), [...ALL_SUB_EVENT_TYPES].sort());
  const table: Array<[string, SubEventType | null | undefined]> = [
    ['AIR_STRIKE', 'Air/drone strike'],
    ['ARMED_CLASH', 'Armed clash'],
    ['ART_MISS_ATTACK', 'Shelling/artillery/missile attack'],
    ['DISR_WEAP', 'Disrupted weapons use'],
    ['PROPERTY_DISTRUCT', 'Looting/property destruction'],
    ['FORCE_AGAINST_PROTEST', 'Excessive force against protesters'],
    ['OTHER', 'Other'],
    ['ORG_CRIME', null],
    ['NATURAL_DISASTER', null],
    ['MAN_MADE_DISASTER', null],
    ['DIPLO', null],
    ['ATTRIB', null],
    ['AIRSTRIKE', undefined],
    ['', undefined],
  ];
  for (const [label, want] of table) assert.equal(expectedFor(label), want, label);
  assert.equal(CASE_OUTSIDE_ACLED.length, 5);
});

function rec(sub: SubEventType, confidence: number): EventRecord {
  return { sub_event_type: sub, event_type: eventTypeOf(sub)!, confidence } as EventRecord;
}

test('predictedSubType: the most confident event, the first among equals, null for none', () => {
  assert.equal(predictedSubType([rec('Attack', 0.4), rec('Armed clash', 0.9), rec('Grenade', 0.9)]), 'Armed clash');
  assert.equal(predictedSubType([rec('Attack', 0.5), rec('Armed clash', 0.5)]), 'Attack');
  assert.equal(predictedSubType([]), null);
  assert.equal(predictedSubType([], ['Arrests', 'Attack']), 'Arrests');
  assert.equal(predictedSubType([rec('Attack', 0.5)], ['Arrests']), 'Attack');
});

test('parseCaseTsv: header skipped, quotes kept as text; negatives name the line', () => {
  const tsv = 'id\tEventSnippet\tSubType\n1\tThe "army" shelled the town.\tART_MISS_ATTACK\n\n2\tFloods hit the valley.\tNATURAL_DISASTER\n';
  assert.deepEqual(parseCaseTsv(tsv).map((s) => [s.id, s.text, s.label, s.line]), [
    ['1', 'The "army" shelled the town.', 'ART_MISS_ATTACK', 2],
    ['2', 'Floods hit the valley.', 'NATURAL_DISASTER', 4],
  ]);
  const negatives: Array<[string, RegExp]> = [
    ['id\tEventSnippet\tSubType\n1\tno label here\n', /line 2: 2 tab-separated fields/],
    ['id\tEventSnippet\tSubType\n1\tx\tAIRSTRIKE\n', /line 2: unknown label "AIRSTRIKE"/],
  ];
  for (const [text, message] of negatives) {
    assert.throws(() => parseCaseTsv(text), (err: unknown) => err instanceof SitrepError && err.code === 'E_BAD_GOLD' && message.test(err.message));
  }
});

test('evaluateCase2021: accuracy, per class, confusion; outside-ACLED classes want no event (fake extractor)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-case-'));
  const path = join(dir, 'case.tsv');
  writeFileSync(path, [
    'id\tEventSnippet\tSubType',
    '1\tWarplanes pounded the village, killing 6 civilians.\tAIR_STRIKE',
    '2\tRebels and troops clashed near the border.\tARMED_CLASH',
    '3\tAn earthquake struck the province.\tNATURAL_DISASTER',
    '4\tThe ministers met to discuss trade.\tDIPLO',
    '5\tPolice arrested 12 students.\tARREST',
  ].join('\n'));
  const published: Array<string | null | undefined> = [];
  // The arrest names no place: no record, but the coder saw an arrest (counted as a classifier only).
  const fake = (input: ArticleInput): { records: EventRecord[]; unplaced: SubEventType[] } => {
    published.push(input.published);
    if (input.text.startsWith('Warplanes')) return { records: [rec('Air/drone strike', 0.8)], unplaced: ['Attack'] };
    if (input.text.startsWith('Rebels')) return { records: [rec('Attack', 0.6)], unplaced: [] };
    if (input.text.startsWith('The ministers')) return { records: [rec('Agreement', 0.3)], unplaced: [] };
    if (input.text.startsWith('Police')) return { records: [], unplaced: ['Arrests'] };
    return { records: [], unplaced: [] };
  };
  const r = evaluateCase2021(path, fake);
  assert.deepEqual([r.total, r.right, r.rightStrict, r.failed], [5, 3, 2, 0]);
  assert.deepEqual(published, Array(5).fill(CASE_PUBLISHED));
  assert.deepEqual(r.perClass.get('ARREST'), { total: 1, right: 1 });
  assert.deepEqual(r.perClass.get('ARMED_CLASH'), { total: 1, right: 0 });
  assert.deepEqual(r.perClass.get('NATURAL_DISASTER'), { total: 1, right: 1 });
  assert.deepEqual([...r.confusion], [['Armed clash → Attack', 1], ['(no event) → Agreement', 1]]);
  const lines = formatCase2021(r);
  assert.ok(lines[0]!.includes(`published on ${CASE_PUBLISHED}`));
  assert.ok(lines.includes('accuracy 60.0% (3/5) as a classifier, counting events told without a place'));
  assert.ok(lines.includes('accuracy 40.0% (2/5) strict, counting only events placed well enough to be records'));
  const wrongAt = lines.indexOf('top wrong sub-types (expected → sitrep; 2 in all):');
  assert.deepEqual(lines.slice(wrongAt + 1, wrongAt + 5), [
    '      1  (no event) → Agreement',
    '      1  Armed clash → Attack',
    'nothing coded (0 in all), by expected sub-type:',
    '  none',
  ]);
  assert.equal(evaluateCase2021(path, fake, { limit: 2 }).total, 2);
});
