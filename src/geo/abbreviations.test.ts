import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDataJson } from '../data.js';
import type { AbbreviationEntry } from './abbreviations.js';
import { loadGazetteer } from './gazetteer.js';
import { createPlaceStage } from './stage.js';
import { docFor } from './testing.js';
import { splitWords } from './words.js';

const gazetteer = loadGazetteer();
const stage = createPlaceStage(gazetteer);

/** "surface=admin1/ISO3" for each place found, in text order. */
function places(text: string): string[] {
  const doc = stage.run(docFor(text));
  return doc.places.map((m) => `${text.slice(m.start, m.end)}=${m.place.admin1 ?? '-'}/${m.place.iso3}`);
}

test('abbreviations.json: every entry names an existing division of its country', () => {
  const { entries } = readDataJson<{ entries: AbbreviationEntry[] }>('geo', 'abbreviations.json');
  for (const e of entries) {
    assert.ok(gazetteer.admin1(e.iso3, e.admin1), `${e.abbreviation}: no division "${e.admin1}" in ${e.iso3}`);
    assert.ok(e.source.length > 0 && (e.where === 'anywhere' || e.where === 'container'), e.abbreviation);
  }
});

test('"J&K" is one word', () => {
  assert.deepEqual(splitWords('in Kupwara, J&K.', 0, 16).map((w) => w.text), ['in', 'Kupwara', 'J&K']);
});

const READ: Array<[string, string[]]> = [
  // An unambiguous abbreviation is read anywhere and puts the district in its division.
  ['Troops traded fire along the Line of Control in the Uri sector (Baramulla district, J&K).', ['Uri=Jammu and Kashmir/IND', 'Baramulla=Jammu and Kashmir/IND', 'J&K=Jammu and Kashmir/IND']],
  ['Two soldiers were killed when militants attacked a checkpoint in KPK on Sunday.', ['KPK=Khyber Pakhtunkhwa/PAK']],
  // An ambiguous one only as the container of a place.
  ['Weavers marched through Salem city (Salem, TN) to demand relief.', ['Salem city=Tamil Nadu/IND', 'Salem=Tamil Nadu/IND', 'TN=Tamil Nadu/IND']],
];

test('division abbreviations are read as their division', () => {
  for (const [text, expected] of READ) assert.deepEqual(places(text), expected, text);
});

const NOT_READ: string[] = [
  'Up to twenty people were hurt, the MP said.',
  'The MP for the district visited the families on Monday.',
  'Kp and Tn are not places.',
];

test('abbreviations: capitalised words and ambiguous abbreviations outside a container are not places', () => {
  for (const text of NOT_READ) assert.deepEqual(places(text), [], text);
});
