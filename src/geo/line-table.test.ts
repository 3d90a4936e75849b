import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createKeyedTable, createRowTable, createSortedTable } from './line-table.js';

// A names.tsv in miniature: sorted keys, base-36 row codes.
const NAMES = ['key\trows', 'al bab\t1', 'al hol\t2,a', 'aleppo\t3', 'dar\t4', 'daraa\tz,10', 'deir al zor\t5', 'homs\t6', ''].join('\n');

test('sorted table: rows of a key, found in place', () => {
  const table = createSortedTable(Buffer.from(NAMES));
  const cases: Array<[string, number[]]> = [
    ['al bab', [1]],
    ['al hol', [2, 10]],
    ['aleppo', [3]],
    ['daraa', [35, 36]],
    ['deir al zor', [5]],
    ['homs', [6]],
    // Not keys: a prefix of a key, a key plus more, before the first and after the last.
    ['al', []],
    ['da', []],
    ['homsx', []],
    ['a', []],
    ['zzz', []],
    ['', []],
  ];
  for (const [key, rows] of cases) assert.deepEqual(table.rows(key), rows, key);
});

test('sorted table: whether a key starts with a prefix', () => {
  const table = createSortedTable(Buffer.from(NAMES));
  const cases: Array<[string, boolean]> = [
    ['al ', true],
    ['deir ', true],
    ['dar', true],
    ['daraa ', false],
    ['homs ', false],
    ['zz', false],
    ['aa', false],
  ];
  for (const [prefix, expected] of cases) assert.equal(table.hasPrefix(prefix), expected, prefix);
});

// A places.tsv in miniature: the last column (alternate names) is long and never needed.
const PLACES = ['id\tname\tascii\tcc', '1\tDarʿā\tDara\tSY\tDaraa,Deraa,Dar‘a', '2\tḤimṣ\tHims\tSY\tHoms', '3\tx'].join('\n') + '\n';

test('row table: lines and leading columns, decoded from bytes', () => {
  const table = createRowTable(Buffer.from(PLACES));
  assert.equal(table.size, 3);
  assert.equal(table.line(0), '1\tDarʿā\tDara\tSY\tDaraa,Deraa,Dar‘a');
  assert.deepEqual(table.columns(0, 4), ['1', 'Darʿā', 'Dara', 'SY']);
  assert.deepEqual(table.columns(1, 10), ['2', 'Ḥimṣ', 'Hims', 'SY', 'Homs']);
  assert.deepEqual(table.columns(2, 4), ['3', 'x']);
});

test('keyed table: columns by first column, last line winning', () => {
  const table = createKeyedTable(['code\tname\tadmin1', 'SY.06\tDaraa\t', 'MM.17.1\tLashio\tShan-North', 'SY.06\tDara\t'].join('\n'));
  assert.deepEqual(table.fields('MM.17.1'), ['MM.17.1', 'Lashio', 'Shan-North']);
  assert.deepEqual(table.fields('SY.06'), ['SY.06', 'Dara', '']);
  assert.equal(table.fields('SY.07'), null);
  assert.equal(table.fields('code'), null);
});
