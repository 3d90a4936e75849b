/**
 * Which ACLED sub-type the coder gives a sentence, end to end (triggers → frames → refine), on
 * sentences written for these tests. The first event told decides, placed or not, as a
 * classifier would: most of these sentences name no place precise enough for a record.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createExtractor } from '../extract.js';
import type { SubEventType } from '../types.js';

const extractor = createExtractor();

/** The sub-types of every event the text tells, in text order (records and unplaced events). */
function told(text: string, published = '2021-03-10'): SubEventType[] {
  const { doc } = extractor.extract({ text, published, name: 'test' });
  const events = [
    ...doc.events.map((e) => ({ start: e.evidence[0]?.start ?? 0, sub: e.subEventType })),
    ...doc.unplaced.map((u) => ({ start: u.start, sub: u.subEventType })),
  ];
  return events.sort((a, b) => a.start - b.start).map((e) => e.sub);
}

function first(text: string): SubEventType | null {
  return told(text)[0] ?? null;
}

function cases(list: Array<[string, SubEventType | null]>): void {
  const wrong = list.map(([text, want]) => ({ text, want, got: first(text) })).filter((c) => c.got !== c.want);
  assert.deepEqual(wrong, [], wrong.map((c) => `${c.want} ← ${c.got}: ${c.text}`).join('\n'));
}

test('demonstrators who throw stones, burn tyres, torch or clash with police riot, whatever force met them', () => {
  cases([
    ['Students threw stones at police outside the university in Dhaka on Monday, demanding the reopening of dormitories.', 'Violent demonstration'],
    ['Protesters clashed with police in central Nairobi on Tuesday, and officers fired tear gas to disperse them.', 'Violent demonstration'],
    ['Demonstrators burned tyres and blocked the main highway into Port-au-Prince on Friday to protest fuel prices.', 'Violent demonstration'],
    ['Hundreds of farmers marched on the governor\'s office in Kano on Monday and smashed the windows of several cars.', 'Violent demonstration'],
    ['Violent protests erupted in the southern city of Basra on Sunday over power cuts.', 'Violent demonstration'],
  ]);
});

test('peaceful demonstrators met with force: lethal force is excessive, dispersal and arrests at the scene are an intervention', () => {
  cases([
    ['Soldiers opened fire on demonstrators in Mandalay on Saturday, killing three people.', 'Excessive force against protesters'],
    ['Police beat peaceful demonstrators with batons outside parliament in Kampala on Thursday.', 'Excessive force against protesters'],
    ['Police fired tear gas and water cannon to disperse a march by teachers in Harare on Wednesday.', 'Protest with intervention'],
    ['Police arrested 40 people as opposition supporters staged a sit-in outside the electoral commission in Lusaka on Friday.', 'Protest with intervention'],
    ['Hundreds of nurses rallied outside the health ministry in Accra on Monday to demand unpaid salaries.', 'Peaceful protest'],
  ]);
});

test('a killing the protesters denounce is the protest\'s cause, not force used against it', () => {
  cases([
    ['Hundreds of people marched in Abidjan on Sunday to denounce the killing of a student by unknown gunmen.', 'Peaceful protest'],
    ['Relatives protested outside the court in Lahore on Tuesday against the murder of a journalist last month.', 'Peaceful protest'],
  ]);
});

test('crowd violence without any demonstration is mob violence; with a stated demand it is a violent demonstration', () => {
  cases([
    ['Villagers pelted stones at police who had come to arrest a suspect in a village near Patna on Sunday.', 'Mob violence'],
    ['Residents pelted stones at police in a village near Patna on Sunday, demanding the release of a detained farmer.', 'Violent demonstration'],
  ]);
});

test('violence on armed men is a clash, on an off-duty officer or a civilian an attack', () => {
  cases([
    ['A policeman was shot dead by gunmen in a village near Maiduguri on Monday.', 'Armed clash'],
    ['Militants shot and wounded two soldiers at a market in Mogadishu on Tuesday.', 'Armed clash'],
    ['The police shot back and killed one of the robbers in Enugu on Friday.', 'Armed clash'],
    ['Gunmen shot dead an off-duty soldier outside his home in Kaduna on Saturday.', 'Attack'],
    ['A local councillor was wounded in an attack by unidentified gunmen in Cotabato on Friday.', 'Attack'],
  ]);
});

test('small-arms fire with no civilian target is a clash; heavy machine guns and observed explosions are remote fire', () => {
  cases([
    ['Rebels fired small arms at army positions near Beni on Sunday.', 'Armed clash'],
    ['Government troops fired heavy machine guns at rebel positions near Kadugli on Thursday.', 'Shelling/artillery/missile attack'],
    ['Monitors heard 14 explosions near the frontline village of Marinka on Tuesday.', 'Shelling/artillery/missile attack'],
    ['Monitors recorded 40 explosions and bursts of fire in both directions of the frontline near Marinka on Tuesday.', 'Armed clash'],
    ['A bomb exploded in a market in Kano on Friday, killing four people.', 'Remote explosive/landmine/IED'],
  ]);
});

test('a place taken when the other side withdrew, with no fighting told, changed hands without a battle', () => {
  cases([
    ['Rebel fighters entered the town of Kidal on Sunday after government troops pulled out.', 'Non-violent transfer of territory'],
    ['Militants took control of the village of Tinzawaten after the army withdrew from its base there.', 'Non-violent transfer of territory'],
    ['Militants took control of the village of Tinzawaten after heavy clashes with the army.', 'Non-state actor overtakes territory'],
    ['French troops withdrew from their base near Menaka on Monday.', 'Change to group/activity'],
  ]);
});

test('an attack on places with nobody harmed is property destruction; with people killed, an attack', () => {
  cases([
    ['Gunmen attacked and burned a primary school in Kaya on Tuesday night.', 'Looting/property destruction'],
    ['Unknown assailants carried out an arson attack on a bank branch in Izmir on Monday.', 'Looting/property destruction'],
    ['Gunmen attacked the village of Kwatas on Tuesday, killing six people and burning houses.', 'Attack'],
  ]);
});

test('a vehicle packed with explosives driven into its target is a suicide bombing', () => {
  cases([['The attacker rammed a truck packed with explosives into the gate of the base in Mogadishu on Monday.', 'Suicide bomb']]);
});

test('armed men who fight troops and block roads are fighting, not demonstrating; a captured man is no captured place', () => {
  cases([['Cartel gunmen fought soldiers near Reynosa on Friday and blocked the highway with burning trucks.', 'Armed clash']]);
  const told_ = told('Special forces captured Abu Bakr al-Rashid in a raid in Mosul on Monday.');
  assert.ok(!told_.some((t) => t === 'Government regains territory' || t === 'Non-state actor overtakes territory'), told_.join(', '));
});

test('habits, appeals to join and marches named as nouns', () => {
  cases([
    ['The army has increasingly relied on air strikes against the rebels in the north.', null],
    ['The governor encouraged local militias to join an offensive against the insurgents.', null],
    ['Former senator Maria Ruiz led a march of about 3,000 people against the new tax law in Lima on Monday.', 'Peaceful protest'],
  ]);
});

test('robbery and theft alone are crime; withdrawing sanctions is no troop withdrawal', () => {
  cases([
    ['A man robbed a jewellery shop in downtown Accra on Monday and fled on a motorbike.', null],
    ['The ministry urged Washington to withdraw the sanctions imposed last year.', null],
    ['Gunmen robbed and killed a trader on the road to Jos on Monday.', 'Attack'],
  ]);
});

test('positions taken in fighting are a clash; gunfire at a hotel or a bus is an attack', () => {
  cases([
    ['Rebels stormed several army positions near Kadugli after heavy clashes on Sunday.', 'Armed clash'],
    ['Gunmen opened fire on a crowded minibus near Garissa on Friday.', 'Attack'],
    ['Troops killed and wounded dozens of militants in fighting near Palma on Tuesday.', 'Armed clash'],
  ]);
});

test('armed men who come under fire fight back: a clash', () => {
  cases([['A military patrol came under fire from gunmen near Tillaberi on Monday.', 'Armed clash']]);
});

test('people gathered whom an act of violence struck are its target, not a demonstration', () => {
  cases([
    ['A suicide bomber attacked crowds of families gathered outside the airport in Kabul on Thursday, killing at least 20 people.', 'Suicide bomb'],
    ['Gunmen opened fire on worshippers gathered for Friday prayers in a mosque in Kano, killing five.', 'Attack'],
    ['Thousands of protesters gathered outside parliament in Nairobi on Friday to oppose the finance bill.', 'Peaceful protest'],
  ]);
});
