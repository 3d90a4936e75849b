import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SitrepError } from '../errors.js';
import { parseGoldLine, readGoldSet } from './gold.js';

const event = {
  event_type: 'Violence against civilians', sub_event_type: 'Attack', event_date: '2020-11-28', date_tolerance: 0,
  actor1: ['Boko Haram'], actor2: ['Civilians (Nigeria)', 'Civilians'], iso3: 'NGA', admin1: ['Borno'],
  location: ['Koshobe'], latitude: 11.95, longitude: 13.28, km: 30, fatalities: [40, 110], counts: { injured: [6, 6] },
  status: 'occurred', optional: false,
};
const line = (over: Record<string, unknown> = {}, eventOver: Record<string, unknown> = {}): string =>
  JSON.stringify({ file: 'a.txt', published: '2020-11-29', source: 'AFP', events: [{ ...event, ...eventOver }], ...over });

test('parseGoldLine reads well-formed lines', () => {
  const table: Array<[string, { file: string; published: string | null; source: string | null; events: number }]> = [
    [line(), { file: 'a.txt', published: '2020-11-29', source: 'AFP', events: 1 }],
    [line({ published: null, source: undefined, events: [] }), { file: 'a.txt', published: null, source: null, events: 0 }],
    [line({}, { actor2: null, admin1: null, status: ['occurred', 'alleged'], counts: undefined }), { file: 'a.txt', published: '2020-11-29', source: 'AFP', events: 1 }],
  ];
  for (const [raw, want] of table) {
    const got = parseGoldLine(raw, 1);
    assert.deepEqual({ file: got.file, published: got.published, source: got.source, events: got.events.length }, want);
  }
});

test('parseGoldLine: a malformed line is E_BAD_GOLD naming the line and the problem', () => {
  const negatives: Array<[string, RegExp]> = [
    ['{"file": "a.txt", "events": [', /line 7: not JSON/],
    ['[1, 2]', /line 7: not a JSON object/],
    [line({ file: 3 }), /"file" must be a file name/],
    [line({ published: '29/11/2020' }), /"published" must be YYYY-MM-DD/],
    [line({ events: {} }), /"events" must be a list/],
    [line({}, { sub_event_type: 'Massacre' }), /event 1: unknown sub_event_type "Massacre"/],
    [line({}, { event_type: 'Battles' }), /does not belong to event_type "Battles"/],
    [line({}, { event_date: '2020-13-01' }), /"event_date" must be YYYY-MM-DD/],
    [line({}, { iso3: 'ng' }), /"iso3" must be three capitals/],
    [line({}, { latitude: '11.95' }), /"latitude" must be a number/],
    [line({}, { actor1: 'Boko Haram' }), /"actor1" must be a list of names or null/],
    [line({}, { fatalities: [110, 40] }), /"fatalities" must be \[low, high\]/],
    [line({}, { counts: { injured: 6 } }), /counts "injured" must be \[low, high\]/],
    [line({}, { optional: 'yes' }), /"optional" must be true or false/],
    [line({}, { km: -1 }), /"km" must be a number >= 0/],
  ];
  for (const [raw, message] of negatives) {
    assert.throws(
      () => parseGoldLine(raw, 7, 'gold.jsonl'),
      (err: unknown) => err instanceof SitrepError && err.code === 'E_BAD_GOLD' && message.test(err.message),
      raw,
    );
  }
});

test('readGoldSet reads the articles; blank lines are skipped; a missing article names its line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-gold-'));
  writeFileSync(join(dir, 'a.txt'), 'Gunmen killed 40 farmers near Koshobe on Saturday.');
  writeFileSync(join(dir, 'gold.jsonl'), `${line()}\n\n${line({ file: 'a.txt', events: [] })}\n`);
  const set = readGoldSet(dir);
  assert.deepEqual(set.articles.map((a) => [a.file, a.line, a.text.slice(0, 6)]), [['a.txt', 1, 'Gunmen'], ['a.txt', 3, 'Gunmen']]);

  writeFileSync(join(dir, 'gold.jsonl'), `${line()}\n${line({ file: 'missing.txt' })}\n`);
  assert.throws(() => readGoldSet(dir), /line 2: article file "missing.txt" not found/);
  writeFileSync(join(dir, 'gold.jsonl'), `${line()}\n${line()}\n{oops\n`);
  assert.throws(() => readGoldSet(dir), (err: unknown) => err instanceof SitrepError && err.code === 'E_BAD_GOLD' && /line 3/.test(err.message));
  assert.throws(() => readGoldSet(join(dir, 'nowhere')), (err: unknown) => err instanceof SitrepError && err.code === 'E_NOT_FOUND');
});
