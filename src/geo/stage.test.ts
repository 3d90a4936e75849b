import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGazetteer } from './gazetteer.js';
import { createPlaceStage } from './stage.js';
import { docFor } from './testing.js';

const stage = createPlaceStage(loadGazetteer());

/** "surface=name/ISO3/precision" for each place found, in text order. */
function places(text: string, opts: { headline?: boolean; dateline?: string } = {}): string[] {
  const doc = stage.run(docFor(text, opts));
  return doc.places.map((m) => `${text.slice(m.start, m.end)}=${m.place.name}/${m.place.iso3}/${m.place.precision}`);
}

const FINDS: Array<[string, string[]]> = [
  ['Regime forces shelled Daraa on Tuesday, the Syrian Observatory said.', ["Daraa=Dar'a/SYR/1"]],
  ['Rebels withdrew from Deraa after weeks of fighting, Syrian state media said.', ["Deraa=Dar'a/SYR/1"]],
  ['Islamic State fighters attacked villages in Sweida province, killing dozens of Druze.', ['Sweida province=As Sweida/SYR/3']],
  ['Syrian government forces pounded Douma in Eastern Ghouta.', ['Douma=Duma/SYR/1', 'Eastern Ghouta=Eastern Ghouta/SYR/2']],
  ['Israeli settlers set fire to a house in the West Bank village of Duma, Palestinian officials said.', ['West Bank=West Bank/PSE/3', 'Duma=Duma/PSE/1']],
  ['Colombian police arrested three gang members in Cartagena on Friday.', ['Cartagena=Cartagena/COL/1']],
  ['Spanish police arrested three men in Cartagena, in the Murcia region of Spain.', ['Cartagena=Cartagena/ESP/1', 'Murcia region=Murcia/ESP/3', 'Spain=Spain/ESP/3']],
  ['Syrian refugees crossed into Jordan overnight.', ['Jordan=Jordan/JOR/3']],
  ['Government warplanes struck Hama and Homs on Sunday, Syrian activists said.', ['Hama=Hamah/SYR/1', 'Homs=Homs/SYR/1']],
  ['Victoria Nuland met Ukrainian officials in Kyiv.', ['Kyiv=Kyiv/UKR/1']],
  ['A missile struck the railway station in Kramatorsk, in the Donetsk region.', ['Kramatorsk=Kramatorsk/UKR/1', 'Donetsk region=Donetsk/UKR/3']],
  ['Al-Shabaab militants stormed a hotel in Mogadishu, Somali police said.', ['Mogadishu=Mogadishu/SOM/1']],
  ['Gunmen killed four people in Culiacán, the capital of Sinaloa state.', ['Culiacán=Culiacan/MEX/1', 'Sinaloa state=Sinaloa/MEX/3']],
  ['Gangs blocked the main road out of Port-au-Prince, Haitian police said.', ['Port-au-Prince=Port-au-Prince/HTI/1']],
  ['Boko Haram insurgents attacked a village near Maiduguri in Borno State.', ['Maiduguri=Maiduguri/NGA/2', 'Borno State=Borno/NGA/3']],
  ['Junta troops burned homes in Sagaing region, Myanmar media reported.', ['Sagaing region=Sagaing/MMR/3', 'Myanmar=Myanmar/MMR/3']],
  ['Airstrikes hit several towns in Idlib governorate.', ['Idlib governorate=Idleb/SYR/3']],
  ['Kurdish forces moved women from al-Hol camp in Syria.', ['al-Hol camp=al-Hol camp/SYR/1', 'Syria=Syria/SYR/3']],
  ['Clashes erupted in Deir al-Zour and Deir ez-Zor countryside, Syrian sources said.', ['Deir al-Zour=Deir ez-Zor/SYR/1', 'Deir ez-Zor=Deir ez-Zor/SYR/2']],
  ['Israeli tanks shelled the outskirts of Quneitra, Syrian media said.', ['Quneitra=Al Qunaytirah/SYR/2']],
  ['President Juan Manuel Santos signed the accord in Cartagena. Santos said Colombia would keep its word.', ['Cartagena=Cartagena/COL/1', 'Colombia=Colombia/COL/3']],
  ['Violence in Mexico rose after the arrest in Culiacán.', ['Mexico=Mexico/MEX/3', 'Culiacán=Culiacan/MEX/1']],
  ['Russian troops shelled Bucha and Kyiv, Ukrainian officials said.', ['Bucha=Bucha/UKR/1', 'Kyiv=Kyiv/UKR/1']],
];

test('place stage finds and resolves places', () => {
  for (const [text, expected] of FINDS) assert.deepEqual(places(text), expected, text);
});

const NOTHING: string[] = [
  'Islamic State claimed the attack on Monday.',
  'President Assad spoke to reporters after the meeting.',
  'Police said the suspect was arrested.',
  'Human Rights Watch said the report will be published in May.',
  'Hamas fighters clashed with the army.',
  'The Syrian Observatory for Human Rights said the toll could rise.',
  'Mobile phone networks were cut, a spokesman said.',
  'Reuters could not independently verify the report.',
  'Leaders across Africa condemned the coup.',
  'Rodrigo Londono, the former rebel commander, spoke on Friday.',
  'Shops closed as the US dollar climbed against the pound again.',
  'Traders blamed the U.S. Treasury sanctions for the shortage.',
];

test('place stage: negative cases find nothing', () => {
  for (const text of NOTHING) assert.deepEqual(places(text), [], text);
});

test('dateline city is not a place, and counts only weakly for the focus', () => {
  const text = 'BEIRUT, Lebanon — Airstrikes hit Idlib on Friday, a Syrian monitor said.';
  const doc = stage.run(docFor(text, { dateline: 'BEIRUT, Lebanon —' }));
  assert.deepEqual(doc.places.map((m) => text.slice(m.start, m.end)), ['Idlib']);
  assert.equal(doc.focus?.iso3, 'SYR');
  assert.ok(doc.trace.some((line) => line.includes('dateline "BEIRUT"')));
});

test('focus: demonyms and places pick the country; none without evidence', () => {
  assert.equal(stage.run(docFor('Nigerian troops repelled an attack on Gwoza.')).focus?.iso3, 'NGA');
  assert.equal(stage.run(docFor('Nothing happened here today.')).focus, null);
});

test('headline words need a strong reading or a repeat in the body', () => {
  const text = 'Jihadists Say They Will Trade Hostages in Daraa\nIS fighters hold hostages in Daraa, Syrian media said.';
  const found = places(text, { headline: true });
  assert.deepEqual(found, ["Daraa=Dar'a/SYR/1", "Daraa=Dar'a/SYR/1"]);
});

test('focus: a mission mandated to one country names it ("the OSCE SMM" reports on Ukraine)', () => {
  const doc = stage.run(docFor('The OSCE SMM recorded 14 explosions near Avdiivka overnight.'));
  assert.equal(doc.focus?.iso3, 'UKR');
  assert.deepEqual(doc.places.map((m) => `${m.place.name}/${m.place.admin1}`), ['Avdiivka/Donetsk']);
  assert.equal(stage.run(docFor('UNMISS peacekeepers patrolled the camp on Friday.')).focus?.iso3, 'SSD');
});

test('a place followed by a facility name is the place, not part of a longer name', () => {
  assert.deepEqual(places('Shells landed near the Donetsk Filtration Station, monitors said.'), ['Donetsk=Donetsk/UKR/2']);
  assert.deepEqual(places('Workers of the Basra Oil Company protested over unpaid wages.'), ['Basra=Basrah/IRQ/1']);
});

test('a common word capitalised in the body is a name when the focus country has a city of it', () => {
  assert.deepEqual(places('Turkish police detained twelve protesters in central Van on Monday.'), ['Van=Van/TUR/1']);
  assert.deepEqual(places('Police said the van was found burned in the morning.'), []);
});

test('a common word the text places in its own division is a place name', () => {
  assert.deepEqual(places('Taxi drivers blocked the main road in Colon (Colon) on Tuesday.'), ['Colon=Colon/PAN/1', 'Colon=Colon/PAN/3']);
  assert.deepEqual(places('Gunmen looted the party office in Tamale (Tamale, Northern) overnight.'), ['Tamale=Tamale/GHA/1', 'Tamale=Tamale/GHA/1']);
});

test('"in el Hermel": a preposition before an Arabic article is still a cue', () => {
  assert.deepEqual(places('Demonstrators marched in el Hermel on Friday.'), ['Hermel=El Hermel/LBN/1']);
});

test('a numbered part of a place ("Zolote-4") is found as the place; an operation number is not', () => {
  assert.deepEqual(places('The OSCE SMM recorded two explosions near Zolote-4.'), ['Zolote-4=Zolote/UKR/2']);
  assert.deepEqual(places('Soldiers destroyed three shelters during the Eren-23 operation.'), []);
});

test('a place abroad in a country the text never names is flagged, one in a named country is not', () => {
  const rules = (text: string): string[] => stage.run(docFor(text)).places.map((m) => `${text.slice(m.start, m.end)} ${m.rule}`);
  const stray = rules('Azerbaijani troops said forces located at Gorgan fired on their positions near Fizuli, Azerbaijan.');
  assert.ok(stray.some((r) => r.startsWith('Gorgan ') && r.includes('/unnamed-country')), stray.join('; '));
  const named = rules('Turkish crowds massed in Istanbul after Israeli police raided the mosque in Jerusalem.');
  assert.ok(named.every((r) => !r.includes('unnamed-country')), named.join('; '));
});

test('a stop word stops the word as written, not its romanisations: SANA is an agency, Sanaa a city', () => {
  assert.deepEqual(places('Fighting in Sanaa killed five people on Friday.'), ['Sanaa=Sanaa/YEM/1']);
  assert.deepEqual(places('SANA said the army repelled an attack.'), []);
});

test('a street named after a city is not the city', () => {
  assert.deepEqual(places('Shells hit houses in Sanaa Street in Hodeidah city.'), ['Hodeidah=Al Hudaydah/YEM/1']);
});

test('after "in" or "at", a common word that is a town is the town, unless a longer name goes on', () => {
  assert.deepEqual(places('About sixty people demonstrated in Tours against the war.'), ['Tours=Tours/FRA/1']);
  assert.deepEqual(places('Government forces shelled villages in Al Ghab Plain overnight.'), []);
});

test('a place the text puts in a division that holds it is flagged as placed', () => {
  const text = 'In Tena (Napo), protesters blocked the highway to Puyo.';
  const rules = stage.run(docFor(text)).places.map((m) => `${text.slice(m.start, m.end)} ${m.rule}`);
  assert.ok(rules.some((r) => r.startsWith('Tena ') && r.includes('/placed')), rules.join('; '));
  assert.ok(rules.some((r) => r.startsWith('Puyo ') && !r.includes('/placed')), rules.join('; '));
});
