import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepError } from '../errors.js';
import { parseCsv, parseCsvObjects } from './csv.js';

test('parseCsv: RFC 4180 records', () => {
  const table: Array<[string, string[][]]> = [
    ['a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['a,"b, with comma",c\n', [['a', 'b, with comma', 'c']]],
    ['"He said ""stop""",x\n', [['He said "stop"', 'x']]],
    ['"line one\nline two",x\n"3",4\n', [['line one\nline two', 'x'], ['3', '4']]],
    ['"crlf\r\ninside",x\r\n', [['crlf\r\ninside', 'x']]],
    ['a,,""\n', [['a', '', '']]],
    ['\uFEFFid,notes\n1,"On 9 May 2020, medical interns protested."\n', [['id', 'notes'], ['1', 'On 9 May 2020, medical interns protested.']]],
    ['x,2 "quoted" words\n', [['x', '2 "quoted" words']]], // a stray quote in an unquoted field is text
    ['', []],
  ];
  for (const [text, want] of table) assert.deepEqual(parseCsv(text).map((r) => r.fields), want, JSON.stringify(text));
});

test('parseCsv: records remember the line they start on', () => {
  const records = parseCsv('h1,h2\n"two\nlines",x\nlast,y\n');
  assert.deepEqual(records.map((r) => r.line), [1, 2, 4]);
});

test('parseCsv / parseCsvObjects: negatives', () => {
  assert.throws(
    () => parseCsv('a,b\n"never closed,x\n', 'acled.csv'),
    (err: unknown) => err instanceof SitrepError && err.code === 'E_BAD_GOLD' && /acled.csv line 2: a quoted field is never closed/.test(err.message),
  );
  assert.throws(() => parseCsvObjects('a,b\n1,2,3\n', 'acled.csv'), /line 2: 3 fields where the header has 2/);
});

test('parseCsvObjects: keyed by the header; short rows padded; blank lines skipped', () => {
  const rows = parseCsvObjects('event_date,notes,fatalities\n9-May-20,"Clashes, then ""calm""",7\n\n2022-02-23,x\n');
  assert.deepEqual(rows, [
    { line: 2, row: { event_date: '9-May-20', notes: 'Clashes, then "calm"', fatalities: '7' } },
    { line: 4, row: { event_date: '2022-02-23', notes: 'x', fatalities: '' } },
  ]);
});
