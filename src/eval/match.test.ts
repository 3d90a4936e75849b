import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorKey, actorOk, actorsOk, inRange, judgeFields, km, placeKey } from './match.js';
import type { GoldEvent } from './types.js';

test('actorKey: lower-case, accents, bracketed suffix and leading "the" removed', () => {
  const table: Array<[string, string]> = [
    ['The Syrian Army', 'syrian army'],
    ['Civilians (Syria)', 'civilians'],
    ['Military Forces of Russia (2000-)', 'military forces of russia'],
    ['Policía  Nacional', 'policia nacional'],
    ['the   Taliban ', 'taliban'],
    // as in score.mjs, "the" goes only at the very start: leading blanks keep it
    ['  the Taliban', 'the taliban'],
    // only a trailing bracket goes: the middle one stays
    ['Military Forces of Yemen (2016-) Supreme Political Council', 'military forces of yemen (2016-) supreme political council'],
    ['Theatre Workers', 'theatre workers'],
  ];
  for (const [name, key] of table) assert.equal(actorKey(name), key, name);
});

test('actorOk: aliases, "ABBR: Full Name" either part, null means no actor', () => {
  const table: Array<[string | null, string[] | null, boolean]> = [
    ['SDF: Syrian Democratic Forces', ['Syrian Democratic Forces'], true],
    ['SDF: Syrian Democratic Forces', ['SDF'], true],
    ['Syrian Democratic Forces', ['SDF: Syrian Democratic Forces'], true],
    ['Military Forces of Syria (2000-2024)', ['Military Forces of Syria'], true],
    ['Civilians (Nigeria)', ['Civilians (Syria)'], true], // the country suffix is not compared
    ['the Taliban', ['Taliban'], true],
    [null, null, true],
    ['', null, true],
  ];
  const negatives: Array<[string | null, string[] | null, boolean]> = [
    ['Russian forces', ['Military Forces of Russia'], false],
    ['Islamic State', null, false],
    [null, ['Civilians'], false],
    ['', ['Civilians'], false],
    ['SDF: Syrian Democratic Forces', ['Syrian'], false],
  ];
  for (const [pred, aliases, want] of [...table, ...negatives]) assert.equal(actorOk(pred, aliases), want, `${pred} vs ${aliases}`);
});

test('placeKey: admin words, al-/as- articles and punctuation do not count', () => {
  const same: Array<[string, string]> = [
    ['Rif Dimashq Governorate', 'Rif Dimashq'],
    ['Al Hasakeh', 'Hasakeh'],
    ['Ninawa Province', 'Ninawa'],
    ['Deir ez-Zor', 'Deir ezZor'],
    ['Sanaa', "Sana'a"],
  ];
  const different: Array<[string, string]> = [
    ['Idlib', 'Idleb'],
    ['Aleppo', 'Hama'],
  ];
  for (const [a, b] of same) assert.equal(placeKey(a), placeKey(b), `${a} = ${b}`);
  for (const [a, b] of different) assert.notEqual(placeKey(a), placeKey(b), `${a} != ${b}`);
});

test('km: haversine distances', () => {
  assert.equal(km(0, 0, 0, 0), 0);
  // Damascus to Douma is about 10 km
  const damascusDouma = km(33.5138, 36.2765, 33.5718, 36.4027);
  assert.ok(damascusDouma > 12 && damascusDouma < 14, String(damascusDouma));
  assert.ok(Math.abs(km(0, 0, 1, 0) - 111.2) < 0.1);
});

test('inRange: closed ranges; no range accepts anything; non-numbers fail', () => {
  assert.equal(inRange(5, [5, 5]), true);
  assert.equal(inRange(6, [5, 5]), false);
  assert.equal(inRange(undefined, null), true);
  assert.equal(inRange('5', [5, 5]), false);
  assert.equal(inRange(undefined, [0, 0]), false);
});

const clash: GoldEvent = {
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  event_date: '2020-05-09',
  actor1: ['Al Shabaab'],
  actor2: ['Military Forces of Somalia'],
  iso3: 'SOM',
  latitude: 0,
  longitude: 42,
};

test('actorsOk: sides swap only in clashes, agreements, protests and riots', () => {
  assert.deepEqual(actorsOk({ actor1: 'Military Forces of Somalia (2017-)', actor2: 'Al Shabaab' }, clash), [true, true]);
  assert.deepEqual(actorsOk({ actor1: 'Al Shabaab', actor2: 'Military Forces of Somalia' }, clash), [true, true]);
  // the swap is taken only when it makes both right
  assert.deepEqual(actorsOk({ actor1: 'Military Forces of Somalia', actor2: 'Civilians' }, clash), [false, false]);
  const attack: GoldEvent = { ...clash, event_type: 'Violence against civilians', sub_event_type: 'Attack' };
  assert.deepEqual(actorsOk({ actor1: 'Military Forces of Somalia', actor2: 'Al Shabaab' }, attack), [false, false]);
  const riot: GoldEvent = { ...clash, event_type: 'Riots', sub_event_type: 'Mob violence', actor1: ['Rioters'], actor2: null };
  assert.deepEqual(actorsOk({ actor1: 'Rioters (Somalia)', actor2: null }, riot), [true, true]);
});

test('judgeFields: date tolerance, counts by low figure, status lists, admin1 null', () => {
  const gold: GoldEvent = {
    ...clash,
    date_tolerance: 2,
    admin1: null,
    fatalities: [3, 5],
    counts: { abducted: [30, 30] },
    status: ['occurred', 'alleged'],
  };
  const ok = judgeFields(
    { sub_event_type: 'Armed clash', actor1: 'Al Shabaab', actor2: 'Military Forces of Somalia', event_date: '2020-05-11',
      admin1: 'Anything', latitude: 0.1, longitude: 42, fatalities: 5, counts: { abducted: { low: 30, high: 40 } }, status: 'alleged' },
    gold,
  );
  assert.deepEqual(Object.values(ok), Array(9).fill(true));
  const wrong = judgeFields(
    { sub_event_type: 'Attack', actor1: 'x', actor2: null, event_date: '2020-05-12', latitude: 1, longitude: 42,
      fatalities: 6, counts: {}, status: 'denied' },
    { ...gold, admin1: ['Lower Juba'] },
  );
  assert.deepEqual(wrong, {
    sub_event_type: false, actor1: false, actor2: false, admin1: false, coords: false,
    date: false, fatalities: false, counts: false, status: false,
  });
  // a gold event with no status accepts a prediction with none
  assert.equal(judgeFields({ status: undefined }, { ...clash }).status, true);
});
