import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldKey, isLatinName, stripArticles } from './normalize.js';
import { cleanDivisionName } from './admin-names.js';

// Spellings of one place must fold to one key.
const SAME_KEY: Array<[string, string]> = [
  ['Dar‘ā', "Dar'a"],
  ['Daraa', 'Dar`a'],
  ['Deir ez-Zor', 'Deir Ez Zor'],
  ['Deir el-Zour', 'Deir al-Zur'],
  ['As-Suwayda', 'al Suwayda'],
  ['Culiacán', 'Culiacan'],
  ['Port-au-Prince', 'Port au Prince'],
  ['Douma', 'Duma'],
  ['Raqqa', 'Raqa'],
  ['Łódź', 'Lodz'],
];

test('foldKey: spelling variants meet', () => {
  for (const [a, b] of SAME_KEY) assert.equal(foldKey(a), foldKey(b), `${a} / ${b}`);
});

const DIFFERENT_KEY: Array<[string, string]> = [
  ['Hama', 'Hamas'],
  ['Homs', 'Hums al'],
  ['Gaza', 'Gaza Strip'],
];

test('foldKey: distinct names stay apart', () => {
  for (const [a, b] of DIFFERENT_KEY) assert.notEqual(foldKey(a), foldKey(b), `${a} / ${b}`);
});

test('stripArticles drops article words but not a lone one', () => {
  assert.equal(stripArticles(foldKey('Al-Qunaytirah')), 'qunaytirah');
  assert.equal(stripArticles(foldKey('Deir ez-Zor')), 'deir zor');
  assert.equal(stripArticles(foldKey('Aleppo')), null);
});

test('isLatinName keeps Latin names only', () => {
  assert.equal(isLatinName('São Paulo'), true);
  assert.equal(isLatinName('Даръа'), false);
  assert.equal(isLatinName('درعا'), false);
});

const DIVISIONS: Array<[string, string]> = [
  ['Idlib Governorate', 'Idlib'],
  ['Kyiv Oblast', 'Kyiv'],
  ['Muhafazat Hims', 'Hims'],
  ['Sagaing Region', 'Sagaing'],
  ['Ḩajjah', 'Hajjah'],
  ['Northern District', 'Northern District'],
  ['Pokrovskyi Raion', 'Pokrovskyi'],
  ['Province de la Kossi', 'Kossi'],
  ['Zabaykalskiy (Transbaikal) Kray', 'Zabaykalskiy'],
  ['Masisi Territory', 'Masisi'],
  ['District of Columbia', 'District of Columbia'],
];

test('cleanDivisionName drops division words, keeps bare compass names whole', () => {
  for (const [raw, clean] of DIVISIONS) assert.equal(cleanDivisionName(raw), clean, raw);
});
