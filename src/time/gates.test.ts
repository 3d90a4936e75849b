import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDateFinder } from './find-dates.js';
import { createDateParser } from './date-parser.js';
import { AGO_GATE, RELATIVE_PERIOD_GATE, SLASH_GATE } from './gates.js';

const ANCHOR = '2018-07-31';

const TEXTS = [
  'Two days ago, gunmen killed 12 people. Three weeks ago the army left.',
  'Fighting raged last week and over the weekend; the past few days were calm.',
  'The report, dated 7/31/2018, covers the attack of 12.07.2018 and earlier this month.',
  // Negative cases: words a gate lets through that hold no date, and texts no gate lets through.
  'In Chicago, an agonising weekday of days and months passed. Version 1.2-3 was released.',
  'Protesters marched in Kabul on Tuesday, witnesses said.',
  '',
];

test('gates: a gated parser finds exactly what the bare parser finds', () => {
  const gated = createDateFinder(createDateParser());
  const bare = createDateFinder(createDateParser({ gates: false }));
  for (const text of TEXTS) assert.deepEqual(gated(text, ANCHOR), bare(text, ANCHOR), text);
});

test('gates: each gate passes every text its parser can match', () => {
  const rows: Array<[RegExp, string, boolean]> = [
    [AGO_GATE, 'three days AGO', true],
    [AGO_GATE, 'three days earlier', false],
    [RELATIVE_PERIOD_GATE, 'Last Week', true],
    [RELATIVE_PERIOD_GATE, 'the past several Days', true],
    [RELATIVE_PERIOD_GATE, 'on Tuesday', false],
    [SLASH_GATE, '7/31/2018', true],
    [SLASH_GATE, '31.07', true],
    [SLASH_GATE, '31 July', false],
  ];
  for (const [gate, text, passes] of rows) assert.equal(gate.test(text), passes, `${gate} ${text}`);
});
