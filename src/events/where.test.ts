import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Place, PlaceMention } from '../types.js';
import { bestPlace } from './where.js';

function mention(name: string, start: number, rule: string): PlaceMention {
  const place: Place = {
    name, country: 'X', iso3: 'XXX', admin1: null, admin2: null, latitude: 0, longitude: 0, precision: 1, featureCode: 'PPL', population: 0, id: name,
  };
  return { start, end: start + name.length, place, score: 0.8, rule };
}

test('where: a place whose division the text states beats a nearer one named in passing', () => {
  // "In Tena (Napo), protesters blocked the highway to Puyo": the trigger sits nearer Puyo.
  const tena = mention('Tena', 3, 'geo/town/focus/cue:prep/placed');
  const puyo = mention('Puyo', 50, 'geo/town/focus/cue:prep');
  assert.equal(bestPlace([tena, puyo], { start: 30, end: 37 })?.place.name, 'Tena');
  // Without the stated division, the nearer place wins.
  const plainTena = mention('Tena', 3, 'geo/town/focus/cue:prep');
  assert.equal(bestPlace([plainTena, puyo], { start: 30, end: 37 })?.place.name, 'Puyo');
});

test('where: a place in a country the text never names gives way to one of the same precision', () => {
  const gorgan = mention('Gorgan', 40, 'geo/town/unnamed-country/cue:prep');
  const fizuli = mention('Fizuli', 120, 'geo/town/focus');
  assert.equal(bestPlace([gorgan, fizuli], { start: 60, end: 65 })?.place.name, 'Fizuli');
});
