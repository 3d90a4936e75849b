import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodedEvent, Place } from '../types.js';
import { mergeTellings, combineRanges } from './index.js';

const place = (name: string, lat: number, lon: number, precision: 1 | 2 | 3 = 1, admin1 = 'As-Suwayda'): Place => ({
  name, country: 'Syria', iso3: 'SYR', admin1, admin2: null, latitude: lat, longitude: lon, precision,
  featureCode: precision === 3 ? 'ADM1' : 'PPL', population: 0, id: `t:${name}`,
});
const SWEIDA = place('As-Suwayda', 32.709, 36.566);
const DARAA = place('Daraa', 32.618, 36.102, 1, 'Daraa');

function telling(over: Partial<CodedEvent> & { start: number }): CodedEvent {
  const { start, ...rest } = over;
  return {
    eventType: 'Violence against civilians', subEventType: 'Attack', date: '2018-07-25', dateEnd: null, timePrecision: 1,
    actor1: 'Islamic State', actor2: 'Civilians (Syria)', assocActor1: null, assocActor2: null, inter1: 2, inter2: 7,
    place: SWEIDA, location: 'As-Suwayda', fatalities: 0, tollPrecise: true, counts: {}, status: 'occurred', attributedTo: null, source: null,
    evidence: [{ doc: 'd', start, end: start + 10, text: 'x'.repeat(10) }], confidence: 0.5, inLead: false,
    stated: { date: true, reportDate: false, place: true, actor1: true, kind: true }, why: [], ...rest,
  };
}

test('three tellings of one attack become one event with three pieces of evidence', () => {
  const events = mergeTellings([
    telling({ start: 100, fatalities: 250, tollPrecise: true, counts: { killed: { low: 250, high: null } } }),
    telling({ start: 300, stated: { date: false, reportDate: false, place: true, actor1: false, kind: true }, date: '2018-07-31' }),
    telling({ start: 500, subEventType: 'Suicide bomb', eventType: 'Explosions/Remote violence', stated: { date: false, reportDate: false, place: true, actor1: false, kind: true } }),
  ]);
  assert.equal(events.length, 1);
  assert.equal(events[0]?.evidence.length, 3);
  assert.equal(events[0]?.fatalities, 250);
  assert.equal(events[0]?.date, '2018-07-25');
});

test('different events stay apart', () => {
  const cases: Array<[string, Partial<CodedEvent>]> = [
    ['another day', { date: '2018-07-20' }],
    ['another town', { place: DARAA, location: 'Daraa' }],
    ['another kind', { eventType: 'Strategic developments', subEventType: 'Arrests' }],
    ['another named perpetrator', { actor1: 'Military Forces of Syria' }],
  ];
  for (const [what, over] of cases) {
    assert.equal(mergeTellings([telling({ start: 0 }), telling({ start: 50, ...over })]).length, 2, what);
  }
});

test('a telling that does not date itself is dropped unless it joins an event', () => {
  const weak = telling({ start: 0, stated: { date: false, reportDate: false, place: true, actor1: true, kind: true }, eventType: 'Strategic developments', subEventType: 'Agreement' });
  assert.equal(mergeTellings([weak]).length, 0);
});

test('a later toll widens the range while the lead figure stays the fatalities', () => {
  const [event] = mergeTellings([
    telling({ start: 0, fatalities: 50, counts: { killed: { low: 50, high: null } } }),
    telling({ start: 90, fatalities: 30, counts: { killed: { low: 30, high: null } } }),
  ]);
  assert.equal(event?.fatalities, 50);
  assert.deepEqual(event?.counts.killed, { low: 30, high: 50 });
});

test('combineRanges is conservative below and keeps the widest high', () => {
  const table: Array<[Parameters<typeof combineRanges>, ReturnType<typeof combineRanges>]> = [
    [[{ low: 5, high: null }, undefined], { low: 5, high: null }],
    [[{ low: 5, high: null }, { low: 5, high: null }], { low: 5, high: null }],
    [[{ low: 20, high: 30 }, { low: 25, high: null }], { low: 20, high: 30 }],
    [[{ low: 40, high: null }, { low: 12, high: 60 }], { low: 12, high: 60 }],
  ];
  for (const [args, expected] of table) assert.deepEqual(combineRanges(...args), expected);
});

test('a stated country gives way to a town of that country another telling inherited', () => {
  const SYRIA: Place = { ...place('Syria', 34.8, 38.99, 3, ''), admin1: null, featureCode: 'COUNTRY', id: 'country:SYR' };
  const inherited = { date: false, reportDate: false, place: false, actor1: false, kind: true };
  const [event] = mergeTellings([
    telling({ start: 0, place: SYRIA, location: 'Syria' }),
    telling({ start: 80, stated: inherited }),
  ]);
  assert.equal(event?.location, 'As-Suwayda');
  // A town abroad is no refinement: the tellings are not even the same event.
  const abroad: Place = { ...DARAA, iso3: 'JOR', country: 'Jordan', id: 't:Irbid' };
  const datedOnly = { ...inherited, date: true };
  const apart = mergeTellings([telling({ start: 0, place: SYRIA, location: 'Syria' }), telling({ start: 80, place: abroad, stated: datedOnly })]);
  assert.deepEqual(apart.map((e) => e.place.iso3), ['SYR', 'JOR']);
});

test('an act dated by an earlier sentence of its paragraph founds an event; an undated aside does not', () => {
  const fromParagraph = { date: false, reportDate: false, paragraphDate: true, place: true, actor1: true, kind: true };
  assert.equal(mergeTellings([telling({ start: 0, inLead: false, stated: fromParagraph })]).length, 1);
  const aside = { ...fromParagraph, paragraphDate: false };
  assert.equal(mergeTellings([telling({ start: 0, inLead: false, stated: aside })]).length, 0);
  // A vague word ("violence") dated only by its paragraph is not enough on its own.
  assert.equal(mergeTellings([telling({ start: 0, inLead: false, stated: { ...fromParagraph, kind: false } })]).length, 0);
});

test('a telling that only says people died gives an air strike its civilian victims; injured told far off do not', () => {
  const strike = telling({
    start: 0, eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike', actor1: 'Military Forces of Russia', actor2: null, inter2: 0,
  });
  const died = (start: number, counts: CodedEvent['counts']): CodedEvent =>
    telling({ start, counts, stated: { date: false, reportDate: false, place: true, actor1: false, kind: false } });
  const [killed] = mergeTellings([strike, died(120, { killed: { low: 12, high: null } })]);
  assert.equal(killed?.actor2, 'Civilians (Syria)');
  const [farInjured] = mergeTellings([strike, died(1500, { injured: { low: 12, high: null } })]);
  assert.equal(farInjured?.actor2, null);
  const [nearInjured] = mergeTellings([strike, died(150, { injured: { low: 12, high: null } })]);
  assert.equal(nearInjured?.actor2, 'Civilians (Syria)');
});

const KABUL = { ...place('Kabul', 34.53, 69.17, 1, 'Kabul'), iso3: 'AFG', country: 'Afghanistan' };
const unstated = { date: false, reportDate: false, place: false, actor1: false, kind: true };

test('a telling joins the event told on its day and at its inherited place, not the one told next to it', () => {
  const AFGHANISTAN: Place = { ...place('Afghanistan', 33.9, 67.7, 3, ''), iso3: 'AFG', admin1: null, featureCode: 'COUNTRY', id: 'country:AFG' };
  const KANDAHAR = { ...place('Kandahar', 31.61, 65.71, 3, 'Kandahar'), iso3: 'AFG' };
  const afghan = (p: Place): Place => ({ ...p, iso3: 'AFG', country: 'Afghanistan' });
  const strike = telling({
    start: 0, eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike', date: '2018-07-27', place: KANDAHAR, location: 'Kandahar',
    stated: { ...unstated, place: true, reportDate: true }, inLead: true,
  });
  const bombing = telling({
    start: 400, eventType: 'Explosions/Remote violence', subEventType: 'Suicide bomb', place: afghan(KABUL), location: 'Kabul', stated: { ...unstated, place: true }, inLead: true,
  });
  assert.equal(mergeTellings([strike, bombing]).length, 2);
  // Dated the bombing's day, placed only in the country: the bombing's, though the strike is as near.
  const onTheDay = telling({ start: 200, place: AFGHANISTAN, location: 'Afghanistan', stated: { ...unstated, date: true, kind: false } });
  assert.deepEqual(mergeTellings([strike, bombing, onTheDay]).map((e) => [e.subEventType, e.evidence.length]), [['Air/drone strike', 1], ['Suicide bomb', 2]]);
  // Undated, placed only by the lead (Kabul): the event at Kabul, though told next to the strike.
  const aside = telling({
    start: 100, eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED', place: afghan(KABUL), location: 'Kabul', stated: unstated,
  });
  assert.deepEqual(mergeTellings([strike, bombing, aside]).map((e) => [e.subEventType, e.evidence.length]), [['Air/drone strike', 1], ['Suicide bomb', 2]]);
});

test('two kinds of act a sentence tells one after the other stay apart; clauses joined by "while" may be one', () => {
  const text = 'The army said it had killed two militants in a drone strike, hours after a car bomb hit the market.';
  const cut = text.indexOf(', hours after ');
  const sentence = { start: 0, end: text.length };
  const strike = telling({ start: 0, eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike', stated: { ...unstated, place: true }, inLead: true });
  strike.evidence = [{ doc: 'd', start: 0, end: cut, text: text.slice(0, cut) }];
  const bomb = telling({ start: 0, eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED', stated: { ...unstated, place: true }, inLead: true });
  const at = cut + ', hours after '.length;
  bomb.evidence = [{ doc: 'd', start: at, end: text.length, text: text.slice(at) }];
  assert.equal(mergeTellings([strike, bomb], { text, sentences: [sentence] }).length, 2);
  assert.equal(mergeTellings([strike, bomb]).length, 1, 'without the layout they were one');
  const whileText = text.replace(', hours after ', ', while ');
  const whileBomb = { ...bomb, evidence: [{ doc: 'd', start: cut + ', while '.length, end: whileText.length, text: whileText.slice(cut + ', while '.length) }] };
  assert.equal(mergeTellings([strike, whileBomb], { text: whileText, sentences: [{ start: 0, end: whileText.length }] }).length, 1);
});

test('an act dated only by a later state ("were missing on Tuesday after") founds an event and takes a stated day', () => {
  const bounded = { ...unstated, place: true, boundDate: true };
  const abduction = telling({ start: 0, subEventType: 'Abduction/forced disappearance', date: '2018-07-26', stated: bounded, inLead: false });
  assert.equal(mergeTellings([abduction]).length, 1);
  const raid = telling({ start: 120, date: '2018-07-25', stated: { ...unstated, date: true, kind: false } });
  const [event, ...rest] = mergeTellings([abduction, raid]);
  assert.equal(rest.length, 0);
  assert.deepEqual([event?.subEventType, event?.date], ['Abduction/forced disappearance', '2018-07-25']);
});
