import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCaseSensitive } from './fold.js';
import { loadActorDictionary, roleActor, stateActor } from './index.js';

const dict = loadActorDictionary();

const ACLED_REGIONS = new Set([
  'Western Africa', 'Middle Africa', 'Eastern Africa', 'Southern Africa', 'Northern Africa', 'Middle East', 'South Asia',
  'Southeast Asia', 'East Asia', 'Caucasus and Central Asia', 'Europe', 'North America', 'Central America',
  'South America', 'Caribbean', 'Oceania',
]);
const KINDS = new Set(['state', 'rebel', 'political-militia', 'identity-militia', 'rioters', 'protesters', 'civilians', 'external', 'identity']);

test('loads fast', () => {
  console.log(`actor dictionary: ${dict.entries.length} entries, ${dict.main.size + dict.nouns.size} indexed forms`);
});

test('countries: unique codes, ACLED names and regions', () => {
  const iso3 = new Set(dict.countries.map((c) => c.iso3));
  assert.equal(iso3.size, dict.countries.length);
  assert.ok(dict.countries.length >= 200);
  for (const c of dict.countries) {
    assert.match(c.iso2, /^[A-Z]{2}$/, c.name);
    assert.match(c.iso3, /^[A-Z]{3}$/, c.name);
    assert.ok(ACLED_REGIONS.has(c.region), `${c.name}: region ${c.region}`);
  }
  const names = new Set(dict.countries.map((c) => c.name));
  for (const acled of ['Democratic Republic of Congo', 'Republic of Congo', 'Ivory Coast', 'eSwatini', 'Cape Verde', 'Turkey', 'Palestine', 'Kosovo', 'Myanmar', 'Czech Republic', 'United States', 'Russia']) {
    assert.ok(names.has(acled), acled);
  }
});

// [role, iso3, ACLED name]
const STATE: Array<['military' | 'police' | 'government', string, string]> = [
  ['military', 'SYR', 'Military Forces of Syria'],
  ['military', 'USA', 'Military Forces of the United States'],
  ['military', 'GBR', 'Military Forces of the United Kingdom'],
  ['military', 'COD', 'Military Forces of the Democratic Republic of Congo'],
  ['police', 'PHL', 'Police Forces of the Philippines'],
  ['police', 'IND', 'Police Forces of India'],
  ['government', 'CIV', 'Government of Ivory Coast'],
  ['government', 'SWZ', 'Government of eSwatini'],
];

test('every country has a military, a police and a government', () => {
  for (const c of dict.countries) {
    for (const role of ['military', 'police', 'government'] as const) assert.ok(stateActor(dict, role, c.iso3), `${role} ${c.iso3}`);
  }
  for (const [role, iso3, name] of STATE) {
    assert.deepEqual(stateActor(dict, role, iso3), { name, kind: 'state', inter: 1, iso3 });
  }
  assert.equal(stateActor(dict, 'military', 'XXX'), null);
});

test('role actors carry the country as ACLED writes it', () => {
  assert.deepEqual(roleActor('civilians', 'Syria', 'SYR'), { name: 'Civilians (Syria)', kind: 'civilians', inter: 7, iso3: 'SYR' });
  assert.equal(roleActor('protesters', 'Iraq').name, 'Protesters (Iraq)');
  assert.equal(roleActor('rioters', 'Pakistan').inter, 5);
  assert.equal(roleActor('unidentified', 'Nigeria').name, 'Unidentified Armed Group (Nigeria)');
  assert.equal(roleActor('civilians', null).name, 'Civilians');
});

test('entries are well formed', () => {
  const codes = new Set(dict.countries.map((c) => c.iso3));
  const names = new Set<string>();
  for (const e of dict.entries) {
    assert.ok(KINDS.has(e.kind), `${e.name}: kind ${e.kind}`);
    assert.ok(Number.isInteger(e.inter) && e.inter >= 1 && e.inter <= 8, `${e.name}: inter ${e.inter}`);
    assert.ok(e.iso3 === null || codes.has(e.iso3), `${e.name}: iso3 ${e.iso3}`);
    for (const c of e.context ?? []) assert.ok(codes.has(c), `${e.name}: context ${c}`);
    assert.ok(e.aliases.length > 0 || (e.contextAliases ?? []).length > 0, `${e.name}: no aliases`);
    assert.doesNotMatch(e.name, /\(\d{4}-\d{0,4}\)/, `${e.name}: year suffix`);
    assert.ok(!names.has(e.name), `duplicate entry ${e.name}`);
    names.add(e.name);
  }
});

// [alias, must match with its case]
const CASE: Array<[string, boolean]> = [
  ['IS', true], ['ADF', true], ['PDF', true], ['SAA', true], ['U.S.', true], ['JeM', true], ['M23', true], ['G9', true],
  ['IS-K', true], ['Hamas', false], ['Islamic State', false], ['al-Shabaab', false], ['Tatmadaw', false], ['400 Mawozo', false],
];

test('acronyms are case-sensitive, names are not', () => {
  for (const [alias, expected] of CASE) assert.equal(isCaseSensitive(alias), expected, alias);
});
