import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../doc.js';
import type { Doc, Place } from '../types.js';
import { createActorStage, loadActorDictionary } from './index.js';

const dict = loadActorDictionary();
const stage = createActorStage(dict);

/** Word tokens as wink-nlp cuts them: hyphens and "'s" apart, "U.S." whole. */
const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+|['’]s\b|[^\s\p{L}\p{N}]/gu;
const SENTENCE_END = /[.!?]["”’]?(?=\s|$)|\n+/g;

function focusPlace(iso3: string): Place {
  return { name: iso3, country: iso3, iso3, admin1: null, admin2: null, latitude: 0, longitude: 0, precision: 3, featureCode: 'COUNTRY', population: 0, id: `country:${iso3}` };
}

/** A Doc with tokens, sentences and focus filled by hand, as the earlier stages would. */
function makeDoc(text: string, focus: string | null, headline = false, published: string | null = null): Doc {
  const doc = createDoc(text, { published });
  doc.tokens = [...text.matchAll(TOKEN)].map((m) => {
    const norm = m[0].toLowerCase();
    return { start: m.index, end: m.index + m[0].length, norm, pos: 'X', lemma: norm };
  });
  const ends = [...text.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length);
  if (ends[ends.length - 1] !== text.length) ends.push(text.length);
  let first = 0;
  for (const end of ends) {
    let last = first;
    while (last < doc.tokens.length && doc.tokens[last]!.start < end) last++;
    if (last > first) doc.sentences.push({ start: doc.tokens[first]!.start, end, firstToken: first, endToken: last, headline: headline && first === 0 });
    first = last;
  }
  doc.focus = focus ? focusPlace(focus) : null;
  return doc;
}

function mentions(text: string, focus: string | null, headline = false, published: string | null = null): string[] {
  const doc = stage.run(makeDoc(text, focus, headline, published));
  return doc.actors.map((a) => `${text.slice(a.start, a.end)} => ${a.actor.name}`);
}

// [sentence, focus country, mentions that must be found ("surface => actor")]
const POSITIVES: Array<[string, string | null, string[]]> = [
  ['Syrian troops turned to IS areas of control in the two provinces.', 'SYR', ['Syrian troops => Military Forces of Syria', 'IS => Islamic State (Syria)']],
  ['To put pressure on IS, Russian warplanes carried out strikes on the area today.', 'SYR', ['Russian => Military Forces of Russia']],
  ['There have been talks between regime forces and IS to evacuate around 100 IS fighters.', 'SYR', ['regime forces => Military Forces of Syria', 'IS fighters => Islamic State (Syria)']],
  ['Dozens of Islamic State group fighters were cornered in a pocket of Daraa.', 'SYR', ['Islamic State group fighters => Islamic State (Syria)']],
  ['IS abducted the Druze women and children from a remote village in Sweida.', 'SYR', ['IS => Islamic State (Syria)', 'Druze => Druze Group (Syria)', 'women and children => Civilians (Syria)']],
  ['The Syrian Arab Army and allied militias shelled Idlib, where Hayat Tahrir al-Sham holds sway.', 'SYR', ['Syrian Arab Army => Military Forces of Syria', 'Hayat Tahrir al-Sham => HTS: Hayat Tahrir al-Sham']],
  ['HTS and the Turkistan Islamic Party repelled an assault by government forces near Saraqib.', 'SYR', ['HTS => HTS: Hayat Tahrir al-Sham', 'Turkistan Islamic Party => TIP: Turkistan Islamic Party', 'government forces => Military Forces of Syria']],
  ['The Kurdish-led Syrian Democratic Forces (SDF) said Turkish drones struck a car in Qamishli.', 'SYR', ['Kurdish-led Syrian Democratic Forces => SDF: Syrian Democratic Forces', 'SDF => SDF: Syrian Democratic Forces', 'Turkish => Military Forces of Turkey']],
  ['Turkish-backed rebels clashed with the YPG near Manbij.', 'SYR', ['Turkish-backed rebels => Syrian National Army', 'YPG => YPG: People\'s Protection Units']],
  ['Syrian and Russian warplanes pounded rebel-held Douma, killing 40 civilians.', 'SYR', ['Syrian => Military Forces of Syria', 'Russian => Military Forces of Russia', 'civilians => Civilians (Syria)']],
  ['Jaish al-Islam, the main rebel group in Douma, agreed to leave.', 'SYR', ['Jaish al-Islam => Jaish al-Islam']],
  ['U.S. forces and the Afghan army fought the Taliban in Kunduz.', 'AFG', ['U.S. forces => Military Forces of the United States', 'Afghan army => Military Forces of Afghanistan', 'Taliban => Taliban']],
  ['An American airstrike hit the MSF hospital, killing 42 patients and staff.', 'AFG', ['American => Military Forces of the United States', 'MSF => MSF: Medecins Sans Frontieres', 'patients => Civilians (Afghanistan)']],
  ['Boko Haram insurgents killed 43 rice farmers in Zabarmari, Borno state.', 'NGA', ['Boko Haram insurgents => Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad', 'rice farmers => Farmers (Nigeria)']],
  ['ISWAP fighters overran a base; the jihadists then torched the barracks.', 'NGA', ['ISWAP fighters => Islamic State (West Africa)', 'the jihadists => Islamic State (West Africa)']],
  ['Islamic State claimed the attack on Nigerian soldiers near Damboa.', 'NGA', ['Islamic State => Islamic State (West Africa)', 'Nigerian soldiers => Military Forces of Nigeria']],
  ['Gunmen abducted 30 students from a school in Kaduna state.', 'NGA', ['Gunmen => Unidentified Armed Group (Nigeria)', 'students => Civilians (Nigeria)', 'students => Students (Nigeria)']],
  ['Suspected Fulani herdsmen attacked Tiv farmers in Benue.', 'NGA', ['Suspected Fulani herdsmen => Fulani Ethnic Militia (Nigeria)', 'Tiv farmers => Tiv Ethnic Group (Nigeria)']],
  ['Al-Shabaab militants stormed a hotel in Mogadishu.', 'SOM', ['Al-Shabaab militants => Al Shabaab']],
  ['Insurgents linked to al-Shabaab beheaded villagers in Cabo Delgado.', 'MOZ', ['al-Shabaab => Islamic State (Mozambique)', 'villagers => Civilians (Mozambique)']],
  ['Russian forces shelled Kramatorsk railway station, the Ukrainian military said.', 'UKR', ['Russian forces => Military Forces of Russia', 'Ukrainian military => Military Forces of Ukraine']],
  ['A mob of Muslims torched churches and homes of Christians in Jaranwala.', 'PAK', ['A mob => Rioters (Pakistan)', 'Muslims => Muslim Group (Pakistan)', 'Christians => Christian Group (Pakistan)']],
  ['Police fired tear gas at protesters in Nasiriyah.', 'IRQ', ['Police => Police Forces of Iraq', 'protesters => Protesters (Iraq)']],
  ['Iraqi security forces opened fire on demonstrators.', 'IRQ', ['Iraqi security forces => Military Forces of Iraq', 'demonstrators => Protesters (Iraq)']],
  ['Jaish-e-Mohammed claimed the bombing of a CRPF convoy in Pulwama.', 'IND', ['Jaish-e-Mohammed => JeM: Jaish-e-Mohammed', 'CRPF => Police Forces of India']],
  ['The JeM suicide bomber rammed the bus.', 'IND', ['JeM suicide bomber => JeM: Jaish-e-Mohammed']],
  ['Mexican soldiers and National Guard troops clashed with Sinaloa Cartel gunmen in Culiacan.', 'MEX', ['Mexican soldiers => Military Forces of Mexico', 'National Guard troops => Police Forces of Mexico', 'Sinaloa Cartel gunmen => Sinaloa Cartel']],
  ['Junta jets bombed a PDF camp in Sagaing, killing villagers.', 'MMR', ['PDF => PDF: People\'s Defense Force', 'villagers => Civilians (Myanmar)']],
  ['The Tatmadaw clashed with the Kachin Independence Army (KIA).', 'MMR', ['Tatmadaw => Military Forces of Myanmar', 'Kachin Independence Army => KIO/KIA: Kachin Independence Organization/Kachin Independence Army', 'KIA => KIO/KIA: Kachin Independence Organization/Kachin Independence Army']],
  ['The 400 Mawozo gang kidnapped 17 missionaries. The gang demanded a ransom.', 'HTI', ['400 Mawozo gang => 400 Mawozo Gang', 'missionaries => Civilians (Haiti)', 'The gang => 400 Mawozo Gang']],
  ['The gang set up a roadblock in Croix-des-Bouquets.', 'HTI', ['The gang => Unidentified Gang (Haiti)']],
  ['Cartel gunmen blocked roads in Culiacan after the Sinaloa Cartel leader was held. Cartel gunmen also freed inmates.', 'MEX', ['Cartel gunmen => Unidentified Gang (Mexico)', 'Sinaloa Cartel => Sinaloa Cartel', 'Cartel gunmen => Sinaloa Cartel']],
  ['Gangs allied with the G9 federation attacked Cite Soleil.', 'HTI', ['Gangs => Unidentified Gang (Haiti)', 'G9 federation => G9 an Fanmi e Alye']],
  ['The RSF shelled El Fasher as the Sudanese army advanced.', 'SDN', ['RSF => RSF: Rapid Support Forces', 'Sudanese army => Military Forces of Sudan']],
  ['The SAF said it repelled an RSF attack.', 'SDN', ['SAF => Military Forces of Sudan', 'RSF => RSF: Rapid Support Forces']],
  ['Houthi rebels fired a missile at a ship; the Houthis said it was in solidarity with Gaza.', 'YEM', ['Houthi rebels => Military Forces of Yemen Supreme Political Council', 'Houthis => Military Forces of Yemen Supreme Political Council']],
  ['Israeli strikes killed 12 Palestinians; Hamas fired rockets at Israel.', 'PSE', ['Israeli => Military Forces of Israel', 'Hamas => Hamas: Islamic Resistance Movement']],
  ['The IDF said Hezbollah fighters crossed the border.', 'LBN', ['IDF => Military Forces of Israel', 'Hezbollah fighters => Hezbollah']],
  ['M23 rebels seized Goma from the Congolese army.', 'COD', ['M23 rebels => M23: March 23 Movement', 'Congolese army => Military Forces of the Democratic Republic of Congo']],
  ['ADF militants killed 20 people in Beni territory.', 'COD', ['ADF militants => ADF: Allied Democratic Forces', 'people => Civilians (Democratic Republic of Congo)']],
  ['Ambazonian separatists attacked gendarmes in Bamenda.', 'CMR', ['Ambazonian separatists => Ambazonian Separatists (Cameroon)', 'gendarmes => Military Forces of Cameroon Gendarmerie']],
  ['JNIM fighters ambushed Malian soldiers and Wagner mercenaries near Tinzaouaten.', 'MLI', ['JNIM fighters => JNIM: Group for Support of Islam and Muslims', 'Malian soldiers => Military Forces of Mali', 'Wagner mercenaries => Wagner Group']],
  ['The TTP claimed an attack on Pakistani security forces in Khyber Pakhtunkhwa.', 'PAK', ['TTP => TTP: Tehrik-i-Taliban Pakistan', 'Pakistani security forces => Military Forces of Pakistan']],
  ['ELN guerrillas and FARC dissidents fought in Catatumbo.', 'COL', ['ELN guerrillas => ELN: National Liberation Army', 'FARC dissidents => FARC Dissident: Revolutionary Armed Forces of Colombia Dissident Faction']],
  ['Unknown assailants shot dead a journalist in Kabul.', 'AFG', ['Unknown assailants => Unidentified Armed Group (Afghanistan)', 'a journalist => Civilians (Afghanistan)']],
  ['Rioters set fire to the governor\'s office.', 'KEN', ['Rioters => Rioters (Kenya)']],
  ['Syria\'s army recaptured the town; the government said the operation was over.', 'SYR', ['Syria\'s army => Military Forces of Syria', 'the government => Government of Syria']],
  ['The Islamic State Khorasan Province (ISKP) claimed the airport bombing.', 'AFG', ['Islamic State Khorasan Province => Islamic State (Afghanistan)', 'ISKP => Islamic State (Afghanistan)']],
  ['Rebels in Syria held the town for a week.', 'SYR', ['Rebels => Opposition Rebels (Syria)']],
  ['Unidentified drones struck a convoy near Al-Bukamal.', 'SYR', ['Unidentified drones => Unidentified Military Forces']],
  ['A lone gunman opened fire at a mosque.', 'NZL', ['A lone gunman => Sole Perpetrator (New Zealand)']],
  ['Médecins Sans Frontières said its staff were safe.', 'AFG', ['Médecins Sans Frontières => MSF: Medecins Sans Frontieres']],
  // A state named as the one acting: its military.
  ['Israel struck targets across Gaza overnight.', 'PSE', ['Israel => Military Forces of Israel']],
  ['North Korea test-fired a ballistic missile into the sea.', 'PRK', ['North Korea => Military Forces of North Korea']],
  ['Moscow launched a wave of drones at the capital overnight.', 'UKR', ['Moscow => Military Forces of Russia']],
  ['The strikes were carried out by Russia, Ukrainian officials said.', 'UKR', ['Russia => Military Forces of Russia']],
  ['On Monday, military forces of India and BSF exchanged fire with militants.', 'IND', ['military forces of India => Military Forces of India']],
  // Weapon and strike nouns are the event's trigger: the actor is the words before them.
  ['Turkish airstrikes hit PKK positions in Duhok.', 'IRQ', ['Turkish => Military Forces of Turkey', 'PKK => PKK: Kurdistan Workers Party']],
  ['Government warplanes bombed the market in Maarat al-Numan.', 'SYR', ['Government => Military Forces of Syria']],
  // Security forces and authorities that arrest or disperse are the police.
  ['Security forces arrested 20 protesters in Tehran.', 'IRN', ['Security forces => Police Forces of Iran', 'protesters => Protesters (Iran)']],
  ['Iranian authorities detained a journalist on Monday.', 'IRN', ['Iranian authorities => Police Forces of Iran']],
  ['Security forces clashed with militants in North Waziristan.', 'PAK', ['Security forces => Military Forces of Pakistan']],
  // Coalition operations ACLED names in place of a state's forces, and ACLED's own sub-units.
  ['The Saudi-led coalition carried out air strikes on Sanaa.', 'YEM', ['Saudi-led coalition => Operation Restoring Hope']],
  ['Saudi forces fired artillery at villages in Saada.', 'YEM', ['Saudi forces => Operation Restoring Hope']],
  ['Pro-Hadi forces shelled Houthi positions in Marib.', 'YEM', ['Pro-Hadi forces => Military Forces of Yemen', 'Houthi => Military Forces of Yemen Supreme Political Council']],
  ['Military police officers exchanged fire with drug traffickers in Rio de Janeiro.', 'BRA', ['Military police officers => Military Forces of Brazil Military Police', 'drug traffickers => Unidentified Gang (Brazil)']],
  ['Turkish gendarmes detained 12 people in Hatay.', 'TUR', ['Turkish gendarmes => Military Forces of Turkey Gendarmerie']],
  ['GNA forces shelled LNA positions south of Tripoli.', 'LBY', ['GNA forces => Military Forces of Libya Government of National Accord', 'LNA => Military Forces of Libya Haftar Faction']],
  ['Pro-Russian separatists shelled Ukrainian positions near Avdiivka.', 'UKR', ['Pro-Russian separatists => NAF: United Armed Forces of Novorossiya']],
  ['Karabakh separatists agreed to disarm.', 'AZE', ['Karabakh separatists => Military Forces of Artsakh']],
  // Gang hallmarks in Latin America; armed members of an ethnic group, clan or tribe.
  ['A man was killed in a drive-by shooting by armed individuals in Culiacan.', 'MEX', ['armed individuals => Unidentified Gang (Mexico)']],
  ['A man was shot dead in a drive-by by two armed individuals in Natal.', 'BRA', ['armed individuals => Unidentified Gang and/or Police Militia (Brazil)']],
  ['Tiv militias attacked Fulani herders in Taraba.', 'NGA', ['Tiv militias => Tiv Ethnic Militia (Nigeria)']],
  ['Hawadle clan militia clashed with Abgal fighters near Beledweyne.', 'SOM', ['Hawadle clan militia => Hawadle Clan Militia (Somalia)', 'Abgal fighters => Abgal Clan Militia (Somalia)']],
  ['Armed Pokot raided cattle near Lokichar.', 'KEN', ['Armed Pokot => Pokot Ethnic Militia (Kenya)']],
  ['Several armed Kuchi militants beat two farmers in Ghazni.', 'AFG', ['Kuchi militants => Kuchi Tribal Militia (Afghanistan)']],
  // Bare "troops" are the army the text is following, not necessarily the article's country's.
  ['Israeli troops raided the Jenin camp. Troops later withdrew.', 'PSE', ['Israeli troops => Military Forces of Israel', 'Troops => Military Forces of Israel']],
  // Hedges belong to the mention; acronyms match with their case, the words around them need not.
  ['Suspected ISWAP militants killed a merchant in Gargada.', 'NER', ['Suspected ISWAP militants => Islamic State (West Africa)']],
  ['Eight members of the FARC Dissident group ambushed the police.', 'COL', ['FARC Dissident group => FARC Dissident: Revolutionary Armed Forces of Colombia Dissident Faction']],
  // The plain name; "the Military Police" is not "the military".
  ['Islamic State fighters attacked a checkpoint near Raqqa.', 'SYR', ['Islamic State fighters => Islamic State (Syria)']],
  ['On Friday the Military Police raided a favela in Salvador.', 'BRA', ['Military Police => Military Forces of Brazil Military Police']],
  // Groups the dictionary does not list, named by their own names.
  ['The Lion of Kivu Brigade looted a health centre in Masisi.', 'COD', ['Lion of Kivu Brigade => Lion of Kivu Brigade']],
  ['The Western Hills Defense Force (WHDF) ambushed a convoy.', 'MMR', ['Western Hills Defense Force (WHDF) => WHDF: Western Hills Defense Force']],
  ['Black Crow gang members shot a bus driver in Guatemala City.', 'GTM', ['Black Crow gang => Black Crow Gang']],
  ['Red Valley militants burned a school.', 'NGA', ['Red Valley militants => Red Valley']],
  // Local units of a movement ACLED names by township.
  ['The Ayadaw PDF ambushed a junta convoy.', 'MMR', ['Ayadaw PDF => People\'s Defense Force - Ayadaw']],
  ['The People\'s Defense Force - Ayadaw ambushed a convoy.', 'MMR', ['People\'s Defense Force - Ayadaw => People\'s Defense Force - Ayadaw']],
];

test('finds and names actors in realistic sentences', () => {
  const failures: string[] = [];
  for (const [text, focus, expected] of POSITIVES) {
    const found = mentions(text, focus);
    for (const want of expected) if (!found.includes(want)) failures.push(`${text}\n  missing: ${want}\n  found: ${found.join(' | ')}`);
  }
  assert.deepEqual(failures, []);
});

// [sentence, focus, surfaces or actor names that must NOT be found]
const NEGATIVES: Array<[string, string | null, string[]]> = [
  ['It is clear this is a turning point, the minister said.', 'SYR', ['is => Islamic State', 'is => Islamic State (Syria)']],
  ['Download the report as a PDF file from the website.', 'MMR', ['PDF => PDF: People\'s Defense Force']],
  ['The PDF version of the report is online.', 'MMR', ['PDF => PDF: People\'s Defense Force']],
  ['Rebels shelled Hama, a city in central Syria.', 'SYR', ['Hama => Hamas: Islamic Resistance Movement']],
  ['The team brought an army of supporters to the final.', 'GBR', ['army => Military Forces of the United Kingdom']],
  ['The regime-held city and the government-controlled areas were calm.', 'SYR', ['regime => Military Forces of Syria', 'government => Government of Syria']],
  ['Opposition forces and coalition troops advanced.', 'SYR', ['troops => Military Forces of Syria']],
  ['Let us know what you think.', 'USA', ['us => Military Forces of the United States']],
  ['The group of protesters dispersed peacefully.', 'IRQ', ['The group of protesters => Islamic State (Iraq)']],
  ['The rights group said the report was accurate.', 'SYR', ['the group => Islamic State (Syria)']],
  ['Taliban fighters overran the city, their biggest victory since their regime was toppled.', 'AFG', ['regime => Military Forces of Afghanistan']],
  ['In New Jersey police arrested a man.', 'USA', ['Jersey police => Police Forces of Jersey']],
  ['Al-Shabaab fighters attacked a base in Lower Shabelle.', 'SOM', ['Al-Shabaab fighters => Islamic State (Mozambique)']],
  ['The Syrian Observatory for Human Rights said 20 were killed.', 'SYR', ['Syrian Observatory => Military Forces of Syria']],
  ['Rockets fired from Gaza into Israel hit a house in Sderot.', 'ISR', ['Israel => Military Forces of Israel']],
  ['Russia said the claims were false; Israel denied any role.', 'UKR', ['Russia => Military Forces of Russia', 'Israel => Military Forces of Israel']],
  ['The al-Qaida-linked group al-Shabab claimed the attack.', 'SOM', ['al-Qaida => Al Qaeda']],
  ['Gangs have grown stronger since the president was shot dead by gunmen.', 'HTI', ['gunmen => Unidentified Gang (Haiti)']],
  ['Unidentified armed individuals shot a professor in a drive-by shooting in Barranquilla.', 'COL', ['Unidentified armed individuals => Unidentified Gang (Colombia)']],
  ['Fighting spread across the Afar region and into Bari.', 'ETH', ['Afar => Afar Ethnic Group (Ethiopia)', 'Bari => Bari Ethnic Group (Ethiopia)']],
  ['Troops fired on protesters, the army said, as Saudi forces watched from the border.', 'SAU', ['Saudi forces => Operation Restoring Hope']],
  // Not names of unlisted groups: a weekday before a listed group, a description, a unit of a listed group, a state's force.
  ['On Monday Taliban fighters attacked a checkpoint.', 'AFG', ['Monday Taliban => Monday Taliban']],
  ['Popular Resistance fighters clashed with the army.', 'YEM', ['Popular Resistance => Popular Resistance']],
  ['ELN members of the Simon Bolivar Front attacked a base.', 'COL', ['Simon Bolivar Front => Simon Bolivar Front', 'Bolivar Front => Bolivar Front']],
  ['Pro-government militias and Ukrainian Territorial Defense Brigades held the line.', 'UKR', ['Territorial Defense Brigades => Territorial Defense Brigades']],
  ['Doctors Without Borders said its clinic was hit.', 'SSD', ['Doctors Without Borders => Doctors Without Borders']],
];

test('does not mistake words for actors', () => {
  const failures: string[] = [];
  for (const [text, focus, forbidden] of NEGATIVES) {
    const found = mentions(text, focus);
    for (const bad of forbidden) if (found.includes(bad)) failures.push(`${text}\n  unexpected: ${bad}\n  found: ${found.join(' | ')}`);
  }
  assert.deepEqual(failures, []);
});

test('acronyms are not trusted in an all-caps headline', () => {
  const found = mentions('WHAT IS NEXT FOR THE US ECONOMY\nIS fighters attacked the town.', 'SYR', true);
  assert.deepEqual(found, ['IS fighters => Islamic State (Syria)']);
});

test('anaphors point to the most recent armed group, else to an unidentified group', () => {
  const text = 'Al-Shabaab claimed the bombing. The militants said they targeted officials. Later, unknown gunmen shot a trader.';
  const doc = stage.run(makeDoc(text, 'SOM'));
  const militants = doc.actors.find((a) => text.slice(a.start, a.end) === 'The militants');
  assert.equal(militants?.actor.name, 'Al Shabaab');
  assert.equal(militants?.resolvedInContext, true);
  const alone = mentions('The militants attacked a checkpoint at dawn.', 'BFA');
  assert.ok(alone.includes('The militants => Unidentified Armed Group (Burkina Faso)'), alone.join(' | '));
});

test('generic state forms take the focus country and say so', () => {
  const doc = stage.run(makeDoc('Troops and police stormed the camp.', 'NGA'));
  assert.deepEqual(
    doc.actors.map((a) => [a.actor.name, a.resolvedInContext, a.rule]),
    [['Military Forces of Nigeria', true, 'actors/bare-role'], ['Police Forces of Nigeria', true, 'actors/bare-role']],
  );
  const none = stage.run(makeDoc('Troops stormed the camp.', null));
  assert.deepEqual(none.actors, [], 'no country, no state actor');
});

test('names change with the publication date', () => {
  const text = 'The Taliban detained two journalists in Kabul.';
  assert.ok(mentions(text, 'AFG', false, '2022-03-01').includes('Taliban => Military Forces of Afghanistan'));
  assert.ok(mentions(text, 'AFG', false, '2019-03-01').includes('Taliban => Taliban'));
  const rsf = 'The RSF dispersed a sit-in in Khartoum.';
  assert.ok(mentions(rsf, 'SDN', false, '2019-06-03').includes('RSF => Military Forces of Sudan Rapid Support Forces'));
  assert.ok(mentions(rsf, 'SDN', false, '2023-06-03').includes('RSF => RSF: Rapid Support Forces'));
});

test('a militia named by its place takes that place: "Zamfara militiamen"', () => {
  const text = 'Zamfara militiamen abducted six civilians in Anka.';
  const doc = makeDoc(text, 'NGA');
  const place: Place = { ...focusPlace('NGA'), name: 'Zamfara', featureCode: 'ADM1', admin1: 'Zamfara' };
  doc.places.push({ start: 0, end: 7, place, score: 1, rule: 'test' });
  const found = stage.run(doc).actors.map((a) => `${text.slice(a.start, a.end)} => ${a.actor.name}`);
  assert.ok(found.includes('Zamfara militiamen => Zamfara Communal Militia (Nigeria)'), found.join(' | '));
});

test('mentions inside skipped regions are ignored', () => {
  const text = 'Syrian troops advanced. Photo: Russian warplanes over Idlib / AFP PHOTO';
  const doc = makeDoc(text, 'SYR');
  doc.skip.push({ start: text.indexOf('Photo'), end: text.length, kind: 'caption', rule: 'test' });
  const found = stage.run(doc).actors.map((a) => a.actor.name);
  assert.deepEqual(found, ['Military Forces of Syria']);
});

test('an unlisted name is read only when its head noun ends within 160 characters of its first word', () => {
  // A run of capitalised words before "Brigade", its first word at 0: the whole run is the name
  // while "Brigade" ends at 160 at most; one character more and the name starts a word later.
  const run = (length: number): string => {
    const words: string[] = [];
    while (words.join(' ').length < length - 12) words.push(`Wa${String.fromCharCode(97 + (words.length % 26))}ko`);
    words.push('Z'.repeat(Math.max(2, length - 'Brigade'.length - 1 - words.join(' ').length - 1)));
    return `${words.join(' ')} Brigade`;
  };
  const first = (length: number): string | undefined => {
    const name = run(length);
    assert.equal(name.length, length);
    return mentions(`${name} looted a clinic.`, 'COD').find((m) => m.includes('Brigade'));
  };
  assert.match(first(160) ?? '', /^Waako /, 'within reach: read from the first word');
  assert.doesNotMatch(first(161) ?? '', /^Waako /, 'past reach: not from the first word');
  assert.ok(first(161), 'past reach: still read from a later word');
});
