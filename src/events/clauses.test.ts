import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clausesOf } from './clauses.js';

function split(text: string): string[] {
  return clausesOf(text, { start: 0, end: text.length }).map((c) => text.slice(c.start, c.end));
}

test('a happening told as hours or days before or after another is a clause of its own', () => {
  assert.deepEqual(split('Troops shelled the village of Kafr Nabl on Monday, two days after rebels ambushed a convoy nearby.'), [
    'Troops shelled the village of Kafr Nabl on Monday',
    'rebels ambushed a convoy nearby.',
  ]);
  assert.deepEqual(split('The army said it had killed four militants in an air strike in Lower Shabelle, less than a day after a car bomb hit Mogadishu.'), [
    'The army said it had killed four militants in an air strike in Lower Shabelle',
    'a car bomb hit Mogadishu.',
  ]);
  assert.deepEqual(split('Police fired tear gas at marchers in Kisumu, hours after the results were announced.'), [
    'Police fired tear gas at marchers in Kisumu',
    'the results were announced.',
  ]);
});

test('participles and "after" without a comma stay in their clause', () => {
  assert.deepEqual(split('Gunmen attacked a bus near Garissa on Friday, killing five passengers.'), ['Gunmen attacked a bus near Garissa on Friday, killing five passengers.']);
  assert.deepEqual(split('Five people died after a bomb exploded at a market in Kano.'), ['Five people died after a bomb exploded at a market in Kano.']);
});
