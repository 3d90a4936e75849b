import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleInput, EventRecord } from '../types.js';
import { evaluateAcled, formatAcled } from './acled.js';
import { acledActorOk, admin1Ok, parseAcledDate, pickPrediction, withoutYearSuffix } from './acled-row.js';

test('parseAcledDate: both export formats', () => {
  const table: Array<[string, string | null]> = [
    ['2022-02-23', '2022-02-23'],
    ['9-May-20', '2020-05-09'],
    ['28-Apr-20', '2020-04-28'],
    ['1-Jan-97', '1997-01-01'],
    ['09 May 2020', '2020-05-09'],
    ['3-September-2019', '2019-09-03'],
  ];
  const negatives: Array<[string, string | null]> = [
    ['', null],
    ['31-Apr-20', null], // no such day
    ['9-Mai-20', null], // not an English month
    ['2022-13-01', null],
    ['May 9, 2020', null],
  ];
  for (const [raw, want] of [...table, ...negatives]) assert.equal(parseAcledDate(raw), want, raw);
});

test('ACLED actor and admin1 comparisons', () => {
  const actors: Array<[string | null, string, boolean]> = [
    ['Military Forces of Yemen', 'Military Forces of Yemen (2012-)', true],
    ['Military Forces of Yemen Supreme Political Council', 'Military Forces of Yemen (2016-) Supreme Political Council', true],
    ['Protesters (Israel)', 'Protesters (Israel)', true],
    ['Protesters', 'Protesters (Israel)', true],
    ['Southern Transitional Council', 'STC: Southern Transitional Council', true],
    ['Military Forces of Yemen', 'Military Forces of Yemen (2016-) Supreme Political Council', false],
    ['Al Shabaab', 'Military Forces of Somalia (2017-) Jubaland Security Force', false],
    [null, 'Rioters (Uganda)', false],
  ];
  for (const [pred, acled, want] of actors) assert.equal(acledActorOk(pred, acled), want, `${pred} vs ${acled}`);
  assert.equal(withoutYearSuffix('Military Forces of Russia (2000-)'), 'Military Forces of Russia');
  assert.equal(withoutYearSuffix('Police Forces of Brazil (2019-2022) Military Police'), 'Police Forces of Brazil Military Police');

  const admin1: Array<[string | null, string, boolean]> = [
    ['Al Hudaydah', 'Hudaydah', true],
    ['Idlib Governorate', 'Idlib', true],
    ['Sindh Province', 'Sindh', true],
    ['Ash Sharqiyah', 'Sharqiyah', true],
    ['Sagaing Region', 'Sagaing', true],
    ['Lower Juba', 'Lower Juba', true],
    ['Donetsk', 'Luhansk', false],
    [null, 'Borno', false],
    ['', '', false],
  ];
  for (const [pred, acled, want] of admin1) assert.equal(admin1Ok(pred, acled), want, `${pred} vs ${acled}`);
});

function rec(over: Partial<EventRecord>): EventRecord {
  return {
    id: 'x', event_date: '2020-05-09', date_end: null, time_precision: 1, event_type: 'Battles', sub_event_type: 'Armed clash',
    actor1: 'Al Shabaab', actor2: null, assoc_actor_1: null, assoc_actor_2: null, country: 'Somalia', iso3: 'SOM', admin1: 'Lower Juba',
    admin2: null, location: 'Bar-Sanguun', latitude: -0.4876, longitude: 42.1839, geo_precision: 2, fatalities: 0, counts: {},
    status: 'occurred', attributed_to: null, source: null, notes: '', evidence: [], confidence: 0.5, ...over,
  };
}

test('pickPrediction: same sub-type first, else the first', () => {
  const a = rec({ sub_event_type: 'Attack', event_type: 'Violence against civilians' });
  const b = rec({});
  assert.equal(pickPrediction([a, b], 'Armed clash'), b);
  assert.equal(pickPrediction([a, b], 'Grenade'), a);
  assert.equal(pickPrediction([], 'Grenade'), null);
});

// Notes written for this test in ACLED's style (not taken from ACLED's data).
const CSV = [
  'event_id_cnty,event_date,event_type,sub_event_type,actor1,admin1,latitude,longitude,notes,fatalities',
  'SOM1,9-May-20,Battles,Armed clash,Al Shabaab,Lower Juba,-0.4876,42.1839,"On 9 May 2020, Al Shabaab clashed with\nsoldiers near Bar-Sanguun, Lower Juba. 2 fatalities.",2',
  'SOM2,9-May-20,Protests,Peaceful protest,Protesters (Somalia),,2.0371,45.3438,"On 9 May 2020, traders protested in Mogadishu over ""taxes"".",0',
  'SOM3,10-May-20,Explosions/Remote violence,Grenade,Unidentified Armed Group (Somalia),Banadir,2.0371,45.3438,"On 10 May 2020, a grenade was thrown at a shop.",0',
  'SOM4,bad date,Battles,Armed clash,Al Shabaab,Bay,3.1,43.6,"No date here.",0',
].join('\n');

test('evaluateAcled: notes in, per-field accuracy, confusion and mismatches out (fake extractor)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-acled-'));
  const path = join(dir, 'sample.csv');
  writeFileSync(path, CSV);
  const seen: ArticleInput[] = [];
  const fake = (input: ArticleInput): EventRecord[] => {
    seen.push(input);
    if (input.name === 'SOM1') return [rec({ fatalities: 2, actor1: 'Al Shabaab', admin1: 'Lower Juba' })];
    if (input.name === 'SOM2') return [rec({ event_type: 'Protests', sub_event_type: 'Protest with intervention', actor1: 'Protesters', latitude: 2.3, longitude: 45.3438, event_date: '2020-05-08' })];
    return [];
  };
  const r = evaluateAcled(path, fake);
  assert.deepEqual(seen.map((s) => [s.name, s.published, s.text.slice(0, 14)]), [
    ['SOM1', '2020-05-09', 'On 9 May 2020,'],
    ['SOM2', '2020-05-09', 'On 9 May 2020,'],
    ['SOM3', '2020-05-10', 'On 10 May 2020'],
  ]);
  assert.deepEqual([r.rows, r.unusable, r.withEvent, r.failed], [3, 1, 2, 0]);
  assert.deepEqual(r.fields, {
    sub_event_type: { judged: 3, right: 1 },
    event_type: { judged: 3, right: 2 },
    admin1: { judged: 2, right: 1 }, // SOM2 has no admin1: not judged
    admin1_as_spelt: { judged: 2, right: 1 },
    within_25km: { judged: 3, right: 1 }, // SOM2 is about 29 km off
    within_50km: { judged: 3, right: 2 },
    actor1: { judged: 3, right: 2 },
    fatalities: { judged: 3, right: 2 },
    date: { judged: 3, right: 1 },
  });
  assert.deepEqual([...r.confusion], [['Peaceful protest → Protest with intervention', 1], ['Grenade → (no event)', 1]]);
  assert.deepEqual(r.mismatches.map((m) => m.id), ['SOM2', 'SOM3']);
  assert.ok(r.mismatches[0]!.wrong.includes('date: "2020-05-08" vs 2020-05-09'));
  const lines = formatAcled(r);
  assert.ok(lines.some((l) => /sub_event_type\s+33\.3%\s+\(1\/3\)/.test(l)));
  assert.ok(lines.some((l) => l.includes('rows with >= 1 event: 2/3 (66.7%)')));

  assert.equal(evaluateAcled(path, fake, { limit: 1 }).rows, 1);
  assert.deepEqual(evaluateAcled(path, fake, { sample: 2 }).rows, 2); // every 2nd row: SOM1 and SOM3
  // With the gazetteer's help, an older spelling of the same division is right as a division
  // (admin1) and still wrong as spelt.
  const juba = (iso3: string, name: string): string | null => (iso3 === 'SOM' && /^(?:Jubbada Hoose|Lower Juba)$/.test(name) ? 'Jubbada Hoose' : null);
  const renamed = (input: ArticleInput): EventRecord[] => (input.name === 'SOM1' ? [rec({ admin1: 'Jubbada Hoose' })] : []);
  const byDivision = evaluateAcled(path, renamed, { limit: 1, admin1Of: juba });
  assert.deepEqual([byDivision.fields.admin1, byDivision.fields.admin1_as_spelt], [{ judged: 1, right: 1 }, { judged: 1, right: 0 }]);
  assert.deepEqual(evaluateAcled(path, renamed, { limit: 1 }).fields.admin1, { judged: 1, right: 0 });
  const throwing = (): EventRecord[] => {
    throw new Error('boom');
  };
  assert.equal(evaluateAcled(path, throwing).failed, 3);
});
