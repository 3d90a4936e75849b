import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDataJson } from '../data.js';
import { loadGazetteer } from './gazetteer.js';
import type { AliasEntry } from './aliases.js';

const gaz = loadGazetteer();

// [spelling in the press, country, expected place name, expected admin1]
const TRANSLITERATIONS: Array<[string, string, string, string]> = [
  ['Daraa', 'SYR', "Dar'a", 'Dara'],
  ['Deraa', 'SYR', "Dar'a", 'Dara'],
  ["Dar'a", 'SYR', "Dar'a", 'Dara'],
  ['Dar‘ā', 'SYR', "Dar'a", 'Dara'],
  ['Sweida', 'SYR', 'As-Suwayda', 'As Sweida'],
  ['Suwayda', 'SYR', 'As-Suwayda', 'As Sweida'],
  ['As-Suwayda', 'SYR', 'As-Suwayda', 'As Sweida'],
  ['Al-Sweida', 'SYR', 'As-Suwayda', 'As Sweida'],
  ['Quneitra', 'SYR', 'Al Qunaytirah', 'Quneitra'],
  ['Al Qunaytirah', 'SYR', 'Al Qunaytirah', 'Quneitra'],
  ['Deir ez-Zor', 'SYR', 'Deir ez-Zor', 'Deir ez Zor'],
  ['Deir al-Zour', 'SYR', 'Deir ez-Zor', 'Deir ez Zor'],
  ['Dayr az Zawr', 'SYR', 'Deir ez-Zor', 'Deir ez Zor'],
  ['Kramatorsk', 'UKR', 'Kramatorsk', 'Donetsk'],
  ['Mogadishu', 'SOM', 'Mogadishu', 'Banadir'],
  ['Muqdisho', 'SOM', 'Mogadishu', 'Banadir'],
  ['Culiacán', 'MEX', 'Culiacan', 'Sinaloa'],
  ['Culiacan', 'MEX', 'Culiacan', 'Sinaloa'],
  ['Port-au-Prince', 'HTI', 'Port-au-Prince', 'Ouest'],
  ['Douma', 'SYR', 'Duma', 'Rural Damascus'],
  ['Yarmouk camp', 'SYR', 'Yarmouk camp', 'Damascus'],
];

test('lookup: transliteration variants find the same place', () => {
  for (const [spelling, iso3, name, admin1] of TRANSLITERATIONS) {
    const [top] = gaz.lookup(spelling, iso3);
    assert.ok(top, `${spelling} not found`);
    assert.equal(top.name, name, spelling);
    assert.equal(top.admin1, admin1, spelling);
  }
});

test('lookup: unknown names and wrong countries find nothing', () => {
  assert.deepEqual(gaz.lookup('Xqzzyville'), []);
  assert.deepEqual(gaz.lookup('Daraa', 'NGA'), []);
});

test('country: capital coordinates at precision 3', () => {
  const syria = gaz.country('SYR');
  assert.equal(syria?.name, 'Syria');
  assert.equal(syria?.precision, 3);
  assert.ok(Math.abs((syria?.latitude ?? 0) - 33.51) < 0.05);
  assert.equal(gaz.country('XXX'), null);
  assert.equal(gaz.lookup('Jordan')[0]?.featureCode, 'COUNTRY');
});

// [country, any spelling, output admin1 name]
const ADMIN1: Array<[string, string, string]> = [
  ['SYR', 'Rif Dimashq', 'Rural Damascus'],
  ['SYR', 'Idlib governorate', 'Idleb'],
  ['SYR', 'Deir al-Zour', 'Deir ez Zor'],
  ['SYR', 'Hasakah', 'Al Hasakeh'],
  ['NGA', 'Borno State', 'Borno'],
  ['UKR', 'Donetsk region', 'Donetsk'],
  ['MMR', 'Sagaing Region', 'Sagaing'],
  ['IRQ', 'Nineveh', 'Ninewa'],
  ['YEM', 'Hodeidah', 'Al Hudaydah'],
];

test('admin1: any spelling gives the output name at precision 3', () => {
  for (const [iso3, spelling, name] of ADMIN1) {
    const place = gaz.admin1(iso3, spelling);
    assert.equal(place?.name, name, spelling);
    assert.equal(place?.precision, 3, spelling);
  }
  assert.equal(gaz.admin1('SYR', 'Borno'), null);
});

test('aliases.json: every curated admin1 exists and every entry is found by its names', () => {
  const { entries } = readDataJson<{ entries: AliasEntry[] }>('geo', 'aliases.json');
  for (const entry of entries) {
    if (entry.admin1) assert.ok(gaz.admin1(entry.iso3, entry.admin1), `${entry.id}: admin1 ${entry.admin1}`);
    assert.ok(gaz.country(entry.iso3), `${entry.id}: country ${entry.iso3}`);
    for (const name of entry.names) {
      assert.ok(gaz.lookup(name, entry.iso3).some((p) => p.id === entry.id), `${entry.id}: ${name}`);
    }
  }
});

// Second-level divisions are places of precision 2; an alternate name alone is a weaker claim.
test('lookup: districts resolve at precision 2, inside their province', () => {
  const masisi = gaz.lookup('Masisi', 'COD').find((p) => p.featureCode === 'ADM2');
  assert.equal(masisi?.precision, 2);
  assert.equal(masisi?.admin1, 'Nord-Kivu');
  const kramatorsk = gaz.lookup('Kramatorskyi', 'UKR').find((p) => p.featureCode === 'ADM2');
  assert.equal(kramatorsk?.admin1, 'Donetsk');
});

test('readings: a name that is only an alternate of a small place ranks below a place of that name', () => {
  const [top] = gaz.readings('philadelphia');
  assert.equal(top?.place.iso3, 'USA');
});
