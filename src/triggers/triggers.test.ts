import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_SUB_EVENT_TYPES } from '../taxonomy.js';
import type { TriggerMention } from '../types.js';
import { createTriggerStage, loadTriggerLexicon } from './index.js';
import { segmented } from './test-tokens.js';
import { createDoc } from '../doc.js';
import { createSegmentStage } from '../nlp/index.js';

const lexicon = loadTriggerLexicon();
const stage = createTriggerStage(lexicon);
const NOT_CODED = new Set(['not-event', 'negotiation', 'threat']);

function triggersOf(text: string): TriggerMention[] {
  return stage.run(segmented(text)).triggers;
}

/** The measurement rule: the highest-priority trigger decides; not-event and talk mean none. */
function bestOf(triggers: readonly TriggerMention[]): string {
  let top: TriggerMention | null = null;
  for (const t of triggers) if (!top || t.priority > top.priority) top = t;
  return !top || top.hints.some((h) => NOT_CODED.has(h)) ? 'none' : top.subEventType;
}

function best(text: string): string {
  return bestOf(triggersOf(text));
}

function explain(text: string): string {
  return triggersOf(text)
    .map((t) => `${text.slice(t.start, t.end)}=${t.entry}/${t.priority}`)
    .join(', ');
}

// Our own sentences in the style of wire copy from several regions.
const CASES: Array<[string, string]> = [
  // Battles
  ['Heavy clashes erupted between the army and Tigrayan forces near Alamata on Sunday.', 'Armed clash'],
  ['Soldiers exchanged fire with gunmen for two hours outside the town of Djibo.', 'Armed clash'],
  ['Militants ambushed a police patrol on the road to Mandera, a security official said.', 'Armed clash'],
  ['Troops repelled an attack on a checkpoint in Tillaberi region overnight.', 'Armed clash'],
  ['A gun battle broke out when security forces raided a hideout in Kashmir.', 'Armed clash'],
  ['Government forces recaptured the town of Palmyra from the jihadists on Thursday.', 'Government regains territory'],
  ['The army said it had regained control of the district after a week-long operation.', 'Government regains territory'],
  ['Troops liberated three villages in northern Mozambique, the defence ministry said.', 'Government regains territory'],
  ['Taliban fighters seized control of the provincial capital after government forces fled.', 'Non-state actor overtakes territory'],
  ['Rebels overran an army base in North Kivu and captured the town of Rutshuru.', 'Non-state actor overtakes territory'],
  ['The district fell to the insurgents late on Tuesday, residents said.', 'Non-state actor overtakes territory'],
  // Explosions/Remote violence
  ['Dozens of people suffered breathing problems after a chlorine attack on the suburb.', 'Chemical weapon'],
  ['Inspectors said sarin was used in the strike on the rebel-held town.', 'Chemical weapon'],
  ['Russian warplanes carried out air strikes on villages in Idlib province.', 'Air/drone strike'],
  ['A drone strike killed two militants travelling in a car in North Waziristan.', 'Air/drone strike'],
  ['Helicopter gunships dropped barrel bombs on the besieged neighbourhood.', 'Air/drone strike'],
  ['A suicide bomber blew himself up at a checkpoint, killing five soldiers.', 'Suicide bomb'],
  ['An attacker wearing an explosive vest detonated it inside a mosque in Peshawar.', 'Suicide bomb'],
  ['Rebels shelled government-held districts of the city with mortars and rockets.', 'Shelling/artillery/missile attack'],
  ['A ballistic missile struck an apartment block in the port city overnight.', 'Shelling/artillery/missile attack'],
  ['Artillery fire hit the outskirts of Donetsk, local officials said.', 'Shelling/artillery/missile attack'],
  ['A roadside bomb exploded near a military convoy on the Kandahar highway.', 'Remote explosive/landmine/IED'],
  ['Two herders were killed when their vehicle hit a landmine near the border.', 'Remote explosive/landmine/IED'],
  ['A car bomb ripped through a busy market in Mogadishu on Saturday.', 'Remote explosive/landmine/IED'],
  ['Unknown assailants hurled a grenade at a police station in Srinagar.', 'Grenade'],
  ['A grenade attack on a bar in Bujumbura wounded eleven people.', 'Grenade'],
  // Violence against civilians
  ['Soldiers raped at least a dozen women during the raid on the village.', 'Sexual violence'],
  ['Survivors described sexual violence by armed men at the displacement camp.', 'Sexual violence'],
  ['Gunmen killed 14 villagers in an overnight raid in Plateau state.', 'Attack'],
  ['Militants massacred dozens of civilians in a village near Beni.', 'Attack'],
  ['A journalist was shot dead outside his home in Culiacan.', 'Attack'],
  ['Gunmen opened fire on worshippers at a church in Owo.', 'Attack'],
  ['Bandits kidnapped 30 students from a boarding school in Kaduna state.', 'Abduction/forced disappearance'],
  ['The activist was forcibly disappeared after being taken from his home in Balochistan.', 'Abduction/forced disappearance'],
  ['Jihadists took four aid workers hostage on the road to Gao.', 'Abduction/forced disappearance'],
  // Protests
  ['Thousands of people marched through the capital to protest against rising fuel prices.', 'Peaceful protest'],
  ['Teachers staged a sit-in outside the education ministry in Rabat.', 'Peaceful protest'],
  ['Workers went on strike at the port demanding unpaid wages.', 'Peaceful protest'],
  ['Police fired tear gas to disperse hundreds of protesters in Nairobi.', 'Protest with intervention'],
  ['Riot police arrested dozens of demonstrators outside parliament in Tbilisi.', 'Protest with intervention'],
  ['Security forces opened fire on protesters in Khartoum, killing three.', 'Excessive force against protesters'],
  ['Troops used live ammunition against demonstrators in Mandalay.', 'Excessive force against protesters'],
  // Riots
  ['Protesters torched a police station and pelted officers with stones.', 'Violent demonstration'],
  ['Rioters set fire to cars and looted shops during a second night of unrest.', 'Violent demonstration'],
  ['An angry mob lynched a suspected thief in the market.', 'Mob violence'],
  ['Communal clashes between the two clans left several houses burned.', 'Mob violence'],
  // Strategic developments
  ['The government and the rebels signed a peace agreement in Juba.', 'Agreement'],
  ['The warring parties agreed to a ceasefire brokered by regional mediators.', 'Agreement'],
  ['Both sides carried out a prisoner exchange near the front line.', 'Agreement'],
  ['Police arrested the opposition leader at his home in Harare.', 'Arrests'],
  ['Security forces detained 40 people in a dawn raid in Diyarbakir.', 'Arrests'],
  ['The two factions announced their merger under a new leader.', 'Change to group/activity'],
  ['The army deployed reinforcements to the northern border region.', 'Change to group/activity'],
  ['Engineers defused an improvised explosive device planted under a bridge.', 'Disrupted weapons use'],
  ['Air defences intercepted two drones launched toward the airport.', 'Disrupted weapons use'],
  ['Police seized a large cache of weapons and ammunition in the raid.', 'Disrupted weapons use'],
  ['Turkish forces set up a new military base near the town.', 'Headquarters or base established'],
  ['The militia established its headquarters in a school building.', 'Headquarters or base established'],
  ['Fighters looted shops and torched dozens of houses in the village.', 'Looting/property destruction'],
  ['Settlers vandalised cars and burned olive trees near Nablus.', 'Looting/property destruction'],
  ['The troops withdrew from the town and handed it over to local police.', 'Non-violent transfer of territory'],
  ['Rebel forces entered the city without a fight after the army pulled out.', 'Non-violent transfer of territory'],
  ['Authorities imposed a curfew across the province.', 'Other'],
  // Press language of the second round: protests told by what the crowd did and wanted
  ['Hundreds of residents gathered outside the town hall to demand clean water.', 'Peaceful protest'],
  ['Farmers blocked the main highway for six hours demanding higher crop prices.', 'Peaceful protest'],
  ['Students walked out of classes in solidarity with the striking teachers.', 'Peaceful protest'],
  ['Relatives staged a demonstration against the killing of a local trader.', 'Peaceful protest'],
  // crowds without a protest, and battles told by their weapons
  ['Villagers beat a suspected cattle thief to death in the market.', 'Mob violence'],
  ['A man accused of blasphemy was lynched by a crowd outside the police station.', 'Mob violence'],
  ['Rival party supporters clashed outside a polling station in Kano.', 'Mob violence'],
  ['A brawl broke out between fans of the two clubs after the match.', 'Mob violence'],
  ['Rebels and government troops exchanged artillery fire across the front line.', 'Armed clash'],
  ['Militants fired on an army checkpoint near the border overnight.', 'Armed clash'],
  ['Troops engaged the militants in a four-hour gunfight.', 'Armed clash'],
  ['Police sealed off the house of an opposition lawmaker in the township.', 'Looting/property destruction'],
  ['A joint Russian-Turkish patrol took place along the highway.', 'Change to group/activity'],
  ['Authorities cut off internet access in 20 townships.', 'Other'],
  ['More than 100 fighters surrendered to the army in the east.', 'Agreement'],
  ['Gunmen burned alive three traders in their shop.', 'Attack'],
];

// Sentences that tell no ACLED event: the winner must be absent or a non-event trigger.
const NEGATIVES: string[] = [
  'The company reported strong quarterly earnings and raised its forecast.',
  'A powerful earthquake killed 40 people and flattened houses in the mountains.',
  'Floods have displaced thousands of families along the river.',
  'Four people died when a bus collided with a truck on the highway.',
  'An explosion at a chemical plant injured several workers on Tuesday.',
  'The minister will hold talks with rebel leaders next week.',
  'Drone footage showed the extent of the damage after the storm.',
  'The senator faces a tough legal battle over the election results.',
  'Police seized two tonnes of cocaine hidden in a banana shipment.',
  'Officials warned that the outbreak of cholera could spread to the camps.',
  'Prices of bread rocketed after the currency collapsed.',
  'Residents gathered to commemorate the anniversary of the independence.',
  'According to police, the driver lost control of the car on an icy road.',
  'Hackers hacked the ministry email server overnight.',
  'A drone operated by the survey agency captured footage of the landslide.',
  'A furnace at a steel plant exploded, injuring six workers.',
  'Firefighters battled the blaze for hours.',
  'A military aircraft crashed off the coast, killing two pilots.',
  'Several explosions tore through the industrial zone late on Monday.',
];

test('every sub-event type has lexicon entries', () => {
  const covered = new Set(lexicon.entries.map((entry) => entry.subEventType));
  for (const sub of ALL_SUB_EVENT_TYPES) assert.ok(covered.has(sub), `no entry for ${sub}`);
});

test('the best trigger of each sentence names the expected sub-type', () => {
  for (const [text, expected] of CASES) assert.equal(best(text), expected, `${text}\n  triggers: ${explain(text)}`);
});

test('the tables hold with the segment stage\'s own tokens and lemmas (wink-nlp)', () => {
  const segment = createSegmentStage();
  const bestWith = (text: string) => bestOf(stage.run(segment.run(createDoc(text))).triggers);
  for (const [text, expected] of CASES) assert.equal(bestWith(text), expected, text);
  for (const text of NEGATIVES) assert.equal(bestWith(text), 'none', text);
});

test('sentences that tell no event yield no codable trigger', () => {
  for (const text of NEGATIVES) assert.equal(best(text), 'none', `${text}\n  triggers: ${explain(text)}`);
});

test('mentions carry entry, rule, hints and exact spans', () => {
  const text = 'Police fired tear gas at the crowd. Warplanes bombed the town.';
  const triggers = triggersOf(text);
  const gas = triggers.find((t) => t.entry === 'protest-intervention');
  assert.ok(gas);
  assert.equal(text.slice(gas.start, gas.end), 'fired tear gas');
  assert.equal(gas.rule, 'lexicon:protest-intervention');
  assert.equal(gas.eventType, 'Protests');
  assert.ok(gas.hints.includes('protest'));
  const air = triggers.find((t) => t.subEventType === 'Air/drone strike');
  assert.equal(air && text.slice(air.start, air.end), 'Warplanes');
});

test('longest match wins: a phrase hides the words it contains', () => {
  const cases: Array<[string, string, string]> = [
    ['The suicide car bomb exploded at the gate.', 'suicide car bomb', 'suicide-bomb'],
    ['Police fired stun grenades at the crowd.', 'fired stun grenades', 'protest-intervention'],
    ['Drone footage showed burning houses.', 'Drone footage', 'not-event-metaphor'],
  ];
  for (const [text, span, entry] of cases) {
    const triggers = triggersOf(text);
    const hit = triggers.find((t) => text.slice(t.start, t.end) === span);
    assert.equal(hit?.entry, entry, `${text}: ${explain(text)}`);
    assert.ok(!triggers.some((t) => t !== hit && t.start >= hit.start && t.end <= hit.end), `nested trigger kept in ${text}`);
  }
});

test('violence a protest is about, or a weapon in the backdrop, is no trigger of its own', () => {
  const cases: Array<[string, string]> = [
    ['Relatives staged a demonstration against the killing of a local trader.', 'killing'],
    ['Women marched in the capital to denounce violence against women.', 'violence'],
    ['Clashes broke out between the two armies amid heavy shelling along the border.', 'shelling'],
  ];
  for (const [text, word] of cases) {
    const at = text.indexOf(word);
    const alone = triggersOf(text).filter((t) => t.start === at && t.end === at + word.length);
    assert.deepEqual(alone, [], `${text}: ${explain(text)}`);
  }
});

test('an armed noun after "killed by" is the agent, not the target of an attack on forces', () => {
  for (const text of ['A farmer was killed by unknown gunmen near the village.', 'Two civilians were killed by police in the district.']) {
    assert.ok(!triggersOf(text).some((t) => t.entry === 'attack-on-forces'), `${text}: ${explain(text)}`);
  }
  assert.ok(triggersOf('Gunmen killed two soldiers at a checkpoint.').some((t) => t.entry === 'attack-on-forces'));
});

test('an attack at an airport or a station tells where, not whom: no attack on armed men', () => {
  const at = "Officials said 60 people died in Thursday's attack at the airport.";
  assert.ok(!triggersOf(at).some((t) => t.entry === 'attack-on-forces'), explain(at));
  assert.ok(triggersOf('Rebels attacked at least three army bases near Goma.').some((t) => t.entry === 'attack-on-forces'));
  assert.ok(triggersOf('Militants attacked the airport on Monday.').some((t) => t.entry === 'attack-on-forces'));
});

test('"were planning an attack" is no passive attack on armed men; "were ambushed" is', () => {
  const planned = 'Officials said militants were planning an attack on the convoy.';
  assert.ok(!triggersOf(planned).some((t) => t.entry === 'attack-on-forces' && planned.slice(t.start, t.end).startsWith('militants')), explain(planned));
  assert.ok(triggersOf('Five soldiers were ambushed near the border.').some((t) => t.entry === 'attack-on-forces'));
});

test('a threat named as the reason for an advisory, and civilians said to be unharmed, are no events', () => {
  for (const text of [
    'The embassy told its citizens to leave the area because of a "specific, credible threat."',
    'The consulate issued a security alert for the northern districts.',
    'The army said two fighters were killed and that it knew of no civilian casualties.',
  ]) {
    assert.ok(!triggersOf(text).some((t) => t.entry === 'threat' || t.entry === 'killing-civilians'), `${text}: ${explain(text)}`);
  }
  assert.equal(triggersOf('The gang sent threatening letters to teachers.').some((t) => t.entry === 'threat'), true);
});

test('people missing are marked as an outcome, not as an abduction act', () => {
  const found = triggersOf('Dozens of pupils were unaccounted for after the raid, and 12 others are still missing.');
  assert.deepEqual(found.filter((t) => t.hints.includes('missing')).length, 2, JSON.stringify(found.map((t) => t.entry)));
  assert.ok(triggersOf('The unmanned strike hit a compound.').some((t) => t.subEventType === 'Air/drone strike'));
});

test('a trigger crossing a longer match keeps its own words', () => {
  const text = 'Dozens died in a chemical attack on a rebel-held town.';
  assert.ok(triggersOf(text).some((t) => t.entry === 'chemical'), explain(text));
});

test('hyphenated and split spellings match alike', () => {
  for (const text of ['An air-strike hit the camp.', 'An air strike hit the camp.', 'An airstrike hit the camp.']) {
    assert.equal(best(text), 'Air/drone strike', text);
  }
});

test('skipped regions and wholly skipped sentences give no triggers', () => {
  const text = 'Soldiers killed five rebels. Photo: a soldier fires a rocket.';
  const doc = segmented(text);
  const captionStart = text.indexOf('Photo');
  doc.skip = [{ start: captionStart, end: text.length, kind: 'caption', rule: 'test' }];
  const triggers = stage.run(doc).triggers;
  assert.ok(triggers.length > 0);
  assert.ok(triggers.every((t) => t.end <= captionStart));
  assert.match(doc.trace.at(-1) ?? '', /^triggers: \d+ found/);
});

test('the stage declares what it needs and provides', () => {
  assert.deepEqual(stage.requires, ['tokens', 'sentences', 'skip', 'places']);
  assert.deepEqual(stage.provides, ['triggers']);
});

test('a call for calm or restraint is no talk of an agreement; a call for a ceasefire is', () => {
  const entries = (text: string) => triggersOf(text).map((t) => t.entry);
  assert.ok(!entries('Elders called for calm after the clashes in Jos.').includes('negotiation'));
  assert.ok(!entries('The UN urged both sides to show restraint and called for restraint.').includes('negotiation'));
  assert.ok(entries('Mediators called for an immediate ceasefire in Khartoum.').includes('negotiation'));
});
