import { test } from 'node:test';
import assert from 'node:assert/strict';
import { continuesList, isContainerGap } from './hierarchy.js';
import { loadGazetteer } from './gazetteer.js';
import { createPlaceStage } from './stage.js';
import { docFor } from './testing.js';

const stage = createPlaceStage(loadGazetteer());

/** "surface=name/ISO3/admin1/precision" for each place found, in text order. */
function places(text: string): string[] {
  const doc = stage.run(docFor(text));
  return doc.places.map((m) => `${text.slice(m.start, m.end)}=${m.place.name}/${m.place.iso3}/${m.place.admin1 ?? '-'}/${m.place.precision}`);
}

test('container gaps: the text between a name and the division that holds it', () => {
  const yes = [', ', ' (', ' town (', ', in the ', ' district of ', ' village in ', ' (Ango, ', ' (Kilbati-Zone 2, ', ' in the western countryside of ', ' in the outskirts of ', ' sector area ('];
  const no = [' and ', ', near ', ' to ', ', the capital of ', ' where ', ''];
  for (const gap of yes) assert.ok(isContainerGap(gap), JSON.stringify(gap));
  for (const gap of no) assert.ok(!isContainerGap(gap), JSON.stringify(gap));
  assert.ok(continuesList(' and Hama last week'));
  assert.ok(!continuesList(' on Friday'));
});

// The text says where a place lies: the reading inside that division wins, the division is read
// as a division, and a namesake elsewhere is dropped.
const STATED: Array<[string, string[]]> = [
  ['Protesters marched in Granada (Andalucia) on Sunday.', ['Granada=Granada/ESP/Andalucia/1', 'Andalucia=Andalucia/ESP/Andalucia/3']],
  ['Demonstrators rallied in Saint Petersburg, Florida, on Saturday.', ['Saint Petersburg=St. Petersburg/USA/Florida/1', 'Florida=Florida/USA/Florida/3']],
  ['Gunmen killed two men in Rafael Delgado, Veracruz.', [
    'Rafael Delgado=Rafael Delgado/MEX/Veracruz de Ignacio de la Llave/1',
    'Veracruz=Veracruz de Ignacio de la Llave/MEX/Veracruz de Ignacio de la Llave/3',
  ]],
  ['A rally was held in Hyderabad city (Hyderabad district, Sindh).', [
    'Hyderabad=Hyderabad/PAK/Sindh/1', 'Hyderabad district=Hyderabad/PAK/Sindh/2', 'Sindh=Sindh/PAK/Sindh/3',
  ]],
  ['Shelling hit the village of Pisky, Donetsk region.', ['Donetsk region=Donetsk/UKR/Donetsk/3']],
  ['The army shelled Saida town in Ar Raqqa countryside.', ['Ar Raqqa=Ar Raqqa/SYR/Ar Raqqa/3']],
  ['Militants ambushed a truck near Banda (Ango, Bas-Uele).', ['Bas-Uele=Bas-Uele/COD/Bas-Uele/3']],
  ['Police clashed with protesters in Masisi territory, North Kivu.', ['Masisi territory=Masisi/COD/Nord-Kivu/2', 'North Kivu=Nord-Kivu/COD/Nord-Kivu/3']],
  ['Government artillery hit Kafr Nabl in the southern countryside of Idlib.', ['Kafr Nabl=Kafranbel/SYR/Idleb/1', 'Idlib=Idleb/SYR/Idleb/3']],
  // A country's name holding places of a province of the same name is the province.
  ['Gunmen abducted six farmers near Kagara (Rafi LGA, Niger) on Tuesday.', ['Kagara=Kagara/NGA/Niger/2', 'Rafi=Rafi/NGA/Niger/2', 'Niger=Niger/NGA/Niger/3']],
  // A namesake abroad does not keep the container a city: Karak here is a village of Daraa province.
  ['Two armed families clashed in the town of Karak in Dar\'a on Monday.', ["Dar'a=Dara/SYR/Dara/3"]],
  // A bracket after a name the gazetteer lacks holds its province, named as written.
  ['Residents banged pots in Ramos Mejia (Buenos Aires) on Thursday.', ['Buenos Aires=Buenos Aires/ARG/Buenos Aires/3']],
  ['Troops exchanged fire at Shahpur sector area (Poonch district, J&K).', ['J&K=Jammu and Kashmir/IND/Jammu and Kashmir/3']],
  ['A man was shot dead in the Barrocas neighborhood of Mossoro, Rio Grande do Norte.', [
    'Mossoro=Mossoro/BRA/Rio Grande do Norte/2', 'Rio Grande do Norte=Rio Grande do Norte/BRA/Rio Grande do Norte/3',
  ]],
];

test('hierarchy: a stated container decides the reading', () => {
  for (const [text, expected] of STATED) assert.deepEqual(places(text), expected, text);
});

// Lists are not hierarchies; a person's name before a country does not make it a province.
const NOT_STATED: Array<[string, string[]]> = [
  ['Prices rose in Aleppo, Homs and Hama last week.', ['Aleppo=Aleppo/SYR/Aleppo/1', 'Homs=Homs/SYR/Homs/1', 'Hama=Hamah/SYR/Hama/1']],
  ['Ovidio Guzman, Mexico said on Friday.', ['Mexico=Mexico/MEX/-/3']],
  ['Residents fled from Ghadir al Bostan village in Quneitra.', ['Quneitra=Al Qunaytirah/SYR/Quneitra/1']],
  ['Workers protested on Moreno Square in La Plata, Buenos Aires.', ['La Plata=La Plata/ARG/Buenos Aires/1', 'Buenos Aires=Buenos Aires/ARG/Buenos Aires/3']],
];

test('hierarchy: negative cases keep their own readings', () => {
  for (const [text, expected] of NOT_STATED) assert.deepEqual(places(text), expected, text);
});

// Output spellings of first-level divisions, as the conflict monitors write them.
const ADMIN1_NAMES: Array<[string, string]> = [
  ['Clashes were reported in North Kivu.', 'Nord-Kivu'],
  ['Farmers blocked roads in Bavaria.', 'Bayern'],
  ['Police dispersed a rally in Catalonia.', 'Cataluna'],
  ['Gunmen attacked a bus in Michoacan state.', 'Michoacan de Ocampo'],
  ['Turkish jets struck targets in Dohuk province.', 'Duhok'],
  ['Separatists attacked a checkpoint in the Far North region of Cameroon.', 'Extreme-Nord'],
  ['Troops raided a village near Lashio in northern Shan State.', 'Shan-North'],
];

test('admin1 output names follow the press and conflict monitors', () => {
  for (const [text, admin1] of ADMIN1_NAMES) {
    const doc = stage.run(docFor(text));
    const found = doc.places.map((m) => m.place.admin1);
    assert.ok(found.includes(admin1), `${text}: ${JSON.stringify(found)}`);
  }
});
