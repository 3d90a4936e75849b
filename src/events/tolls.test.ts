import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createExtractor } from '../extract.js';
import type { EventRecord } from '../types.js';

const extractor = createExtractor();

function events(text: string): EventRecord[] {
  return extractor.extract({ text, published: '2021-03-12', name: 'tolls' }).records;
}

function one(records: EventRecord[], subEventType: string): EventRecord {
  const found = records.filter((r) => r.sub_event_type === subEventType);
  assert.equal(found.length, 1, `one ${subEventType} in ${JSON.stringify(records.map((r) => r.sub_event_type))}`);
  return found[0]!;
}

test('tolls: a toll-only sentence adds to the act told just before it, not to an earlier one', () => {
  const records = events(
    'LAGOS, Nigeria (Reuters) — A car bomb killed nine soldiers at an army base in Maiduguri on Wednesday, officials said.\n\n' +
      'In Kano on Thursday, angry youths blocked roads and set fire to shops and vehicles, police said. Some 20 people were hurt.\n',
  );
  const riot = one(records, 'Violent demonstration');
  assert.deepEqual(riot.counts.injured, { low: 20, high: null });
  assert.ok(riot.evidence.some((e) => e.text.startsWith('Some 20 people')), 'the toll sentence is the riot’s evidence');
  const bomb = one(records, 'Remote explosive/landmine/IED');
  assert.equal(bomb.fatalities, 9);
  assert.equal(bomb.counts.injured, undefined);
});

test('tolls: a relative clause about a kept act tells that act’s dead', () => {
  const strike = one(
    events('IDLIB, Syria (Reuters) — Government warplanes bombed a crowded market in the town of Maarat al-Numan in Idlib province on Tuesday, in an air raid that local medics said killed 23 people.\n'),
    'Air/drone strike',
  );
  assert.equal(strike.fatalities, 23);
});

test('tolls: the dead of an act named as a grievance reach the act where the report tells it', () => {
  const records = events(
    'QUETTA, Pakistan (AP) — Hundreds of people rallied in Quetta on Friday to condemn a suicide attack that killed 15 worshippers at a mosque in the city.\n\n' +
      'On Thursday a suicide bomber blew himself up among worshippers at the mosque during evening prayers, police said.\n',
  );
  assert.equal(one(records, 'Suicide bomb').fatalities, 15);
  assert.equal(one(records, 'Peaceful protest').fatalities, 0);
});

test('tolls: police fire on a riot is the riot’s toll and opponent, not an event of its own', () => {
  const records = events(
    'NAIROBI, Kenya (Reuters) — Protesters hurled stones and set fire to a police post in the town of Migori on Monday. ' +
      'Two protesters were killed and 14 were wounded when police opened fire on the crowd, a police official said.\n',
  );
  assert.equal(records.length, 1, JSON.stringify(records.map((r) => r.sub_event_type)));
  const riot = records[0]!;
  assert.equal(riot.event_type, 'Riots');
  assert.equal(riot.fatalities, 2);
  assert.deepEqual(riot.counts.injured, { low: 14, high: 14 });
  assert.match(riot.actor2 ?? '', /^Police Forces of Kenya/);
});

test('tolls: a running total after an event is not its toll', () => {
  const records = events(
    'BAGHDAD (AFP) — Security forces fired tear gas at protesters in Basra on Tuesday. ' +
      'More than 300 people have been killed since the protests began, according to a rights group tally.\n',
  );
  assert.ok(records.length > 0);
  for (const r of records) assert.equal(r.fatalities, 0, r.sub_event_type);
});

test('tolls: the dead told beside a seizure are the toll of the clash before it', () => {
  const records = events(
    'OUAGADOUGOU, Burkina Faso (Reuters) — Soldiers clashed with jihadist fighters near the town of Djibo on Monday, the army said. ' +
      'Three militants were killed and two rifles were seized.\n',
  );
  assert.equal(one(records, 'Armed clash').fatalities, 3);
  for (const r of records.filter((x) => x.event_type === 'Strategic developments')) assert.equal(r.fatalities, 0);
});

test('tolls: the dead of a disaster told next are no act of violence’s toll', () => {
  const records = events('ISLAMABAD (AP) — Rebels shelled the town of Khuzdar in Balochistan on Monday, police said. An earthquake killed 30 people in the region.\n');
  assert.ok(records.length > 0);
  for (const r of records) assert.equal(r.fatalities, 0, r.sub_event_type);
});

test('tolls: a peaceful protest for someone shot dead has no dead of its own', () => {
  const protest = one(
    events('NAIROBI, Kenya (AP) — Hundreds of students marched peacefully in Nairobi on Monday to demand justice for a classmate who was shot dead by police last week.\n'),
    'Peaceful protest',
  );
  assert.equal(protest.fatalities, 0);
});

test('tolls: what an act resulted in is its toll ("as a result of which", "an attack in which")', () => {
  const shelling = one(events('KHARKIV, Ukraine (Reuters) — Russian forces shelled the village of Ruska Lozova on Thursday, as a result of which 2 civilians died.\n'), 'Shelling/artillery/missile attack');
  assert.equal(shelling.fatalities, 2);
  const strike = one(events('IDLIB, Syria (Reuters) — Government aircraft bombed a market in the town of Maarat al-Numan in Idlib province on Monday, an attack in which 14 people died.\n'), 'Air/drone strike');
  assert.equal(strike.fatalities, 14);
});

test('tolls: a toll the lead tells before any act goes to the first act of violence told after it', () => {
  const records = events(
    'LAGOS, Nigeria (AP) — Eight people and 14 gunmen were killed in the violence that erupted when troops captured a notorious drug lord, officials said Friday.\n\n' +
      'Bandits ambushed a police patrol near the village of Gusau in Zamfara state on Thursday and fought officers for hours, police said.\n',
  );
  const fight = records.find((r) => r.event_type === 'Battles' || r.sub_event_type === 'Attack');
  assert.ok(fight, JSON.stringify(records.map((r) => r.sub_event_type)));
  assert.equal(fight.fatalities, 22);
});
