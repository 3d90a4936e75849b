import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CountKind } from '../types.js';
import { createCountStage, findCounts } from './index.js';
import { parseNumberWords } from './numbers.js';
import { compileCountMatcher, loadCountLexicon } from './lexicon.js';
import { testDoc } from '../../test/support/sentence-doc.js';

/** [count text, kind, low, high, cue text] */
type Expected = [string, CountKind | null, number, number | null, string | null];

function countsOf(sentence: string): Expected[] {
  return findCounts(sentence, { start: 0, end: sentence.length }).map((c) => [
    sentence.slice(c.start, c.end),
    c.kind,
    c.low,
    c.high,
    c.cue ? sentence.slice(c.cue.start, c.cue.end) : null,
  ]);
}

const FIGURES: Array<[string, Expected[]]> = [
  ['The attack left more than 250 people dead in the minority-populated area.', [['more than 250 people', 'killed', 250, null, 'dead']]],
  ['Dozens of Islamic State group fighters were cornered in a pocket of Daraa.', [['Dozens of Islamic State group fighters', null, 12, null, null]]],
  ['The blast killed 1,200 civilians.', [['1,200 civilians', 'killed', 1200, 1200, 'killed']]],
  ['Thirty soldiers were wounded.', [['Thirty soldiers', 'injured', 30, 30, 'wounded']]],
  ['Twenty-five worshippers died in the fire.', [['Twenty-five worshippers', 'killed', 25, 25, 'died']]],
  ['Gunmen abducted a dozen students from the dormitory.', [['a dozen students', 'abducted', 12, 12, 'abducted']]],
  ['Two hundred and fifty protesters were detained.', [['Two hundred and fifty protesters', 'arrested', 250, 250, 'detained']]],
  ['Tens of villagers fled to the hills.', [['Tens of villagers', 'displaced', 10, null, 'fled']]],
  ['Scores of people were wounded.', [['Scores of people', 'injured', 20, null, 'wounded']]],
  ['Hundreds of civilians were killed there during the occupation.', [['Hundreds of civilians', 'killed', 100, null, 'killed']]],
  ['Thousands of residents have been evacuated.', [['Thousands of residents', 'evacuated', 1000, null, 'evacuated']]],
  ['Several soldiers were killed in the ambush.', [['Several soldiers', 'killed', 3, null, 'killed']]],
  ['A few protesters were hurt.', [['A few protesters', 'injured', 3, null, 'hurt']]],
  ['Tens of thousands of people have fled the fighting.', [['Tens of thousands of people', 'displaced', 10000, null, 'fled']]],
  ['More than 1.5 million people have been displaced since 2014.', [['More than 1.5 million people', 'displaced', 1500000, null, 'displaced']]],
  ['At least 50 people were killed on Friday.', [['At least 50 people', 'killed', 50, null, 'killed']]],
  ['Over 250 inmates escaped and were later arrested.', [['Over 250 inmates', 'arrested', 250, null, 'arrested']]],
  ['Police arrested 250-plus demonstrators.', [['250-plus demonstrators', 'arrested', 250, null, 'arrested']]],
  ['Around 100 IS fighters and their families would be evacuated.', [['Around 100 IS fighters', 'evacuated', 100, null, 'evacuated']]],
  ['Some 200 hostages were freed.', [['Some 200 hostages', 'released', 200, null, 'freed']]],
  ['Nearly 100 wounded people were taken to hospitals.', [['Nearly 100 wounded people', 'injured', 100, 100, 'wounded']]],
  ['Up to 10,000 civilians were displaced this week.', [['Up to 10,000 civilians', 'displaced', 10000, 10000, 'displaced']]],
  ['Residents said the strike killed between 50 and 100 people.', [['between 50 and 100 people', 'killed', 50, 100, 'killed']]],
  ['Police detained 20 to 30 students.', [['20 to 30 students', 'arrested', 20, 30, 'detained']]],
  ['Between 20-30 fighters were killed.', [['Between 20-30 fighters', 'killed', 20, 30, 'killed']]],
  ['Two or three people were injured.', [['Two or three people', 'injured', 2, 3, 'injured']]],
  ['The death toll has risen to 43.', [['43', 'killed', 43, 43, 'death toll']]],
  ['Missile strike on rail station kills 50 as civilians flee east', [['50', 'killed', 50, 50, 'kills']]],
  ['The head of the railway had earlier given a toll of 30 dead.', [['30 dead', 'killed', 30, 30, 'dead']]],
  ['The bodies of 12 men were found near the village.', [['12 men', 'killed', 12, 12, 'bodies']]],
  ['About 4,000 people were at the station when it was hit.', [['About 4,000 people', null, 4000, null, null]]],
  ['IS would release 30 hostages it took from Sweida last week.', [['30 hostages', 'abducted', 30, 30, 'hostages']]],
  ['Up to 10 may have died in the fire.', [['Up to 10', 'killed', 10, 10, 'died']]],
  ['Over 200 detainees were moved to another prison.', [['Over 200 detainees', 'arrested', 200, null, 'detainees']]],
];

const SEVERAL_KINDS: Array<[string, Expected[]]> = [
  ['Gunmen killed 5 and wounded 12 in an attack on a mosque.', [['5', 'killed', 5, 5, 'killed'], ['12', 'injured', 12, 12, 'wounded']]],
  ['The bombing killed two people and wounded 15 others, police said.', [['two people', 'killed', 2, 2, 'killed'], ['15 others', 'injured', 15, 15, 'wounded']]],
  ['Five gunmen killed 12 villagers and abducted 30 women.', [['Five gunmen', null, 5, 5, null], ['12 villagers', 'killed', 12, 12, 'killed'], ['30 women', 'abducted', 30, 30, 'abducted']]],
  ['Sandoval said 35 soldiers were wounded and 21 suspects were arrested.', [['35 soldiers', 'injured', 35, 35, 'wounded'], ['21 suspects', 'arrested', 21, 21, 'arrested']]],
  ['One protester was killed and 35 were wounded when police fired.', [['One protester', 'killed', 1, 1, 'killed'], ['35', 'injured', 35, 35, 'wounded']]],
  ['The governor said 38 people died at the station and 12 more in hospital.', [['38 people', 'killed', 38, 38, 'died'], ['12 more', 'killed', 12, 12, 'died']]],
  ['The strike killed at least 50 people, five of them children.', [['at least 50 people', 'killed', 50, null, 'killed'], ['five of them', 'killed', 5, 5, 'killed']]],
  ['The army said it had killed 40 militants and lost three soldiers.', [['40 militants', 'killed', 40, 40, 'killed'], ['three soldiers', 'killed', 3, 3, 'killed']]],
  ['Troops arrested a dozen suspects and detained several others.', [['a dozen suspects', 'arrested', 12, 12, 'arrested'], ['several others', 'arrested', 3, null, 'detained']]],
  ['The blast caused 30 casualties, including 5 dead and 25 wounded.', [['30 casualties', null, 30, 30, null], ['5 dead', 'killed', 5, 5, 'dead'], ['25 wounded', 'injured', 25, 25, 'wounded']]],
  ['The shelling caused 15 casualties, most of them wounded by shrapnel.', [['15 casualties', 'injured', 15, 15, 'wounded']]],
  ['Seven patients were among the dead, and 37 people were wounded.', [['Seven patients', 'killed', 7, 7, 'among the dead'], ['37 people', 'injured', 37, 37, 'wounded']]],
  ['Of 104 passengers rescued, 17 injured people were taken to hospital.', [['104 passengers', null, 104, 104, null], ['17 injured people', 'injured', 17, 17, 'injured']]],
];

const NONE_AND_ONE: Array<[string, Expected[]]> = [
  ['No one was killed or injured in the blast.', [['No one was killed or injured', 'killed', 0, 0, 'killed'], ['No one was killed or injured', 'injured', 0, 0, 'injured']]],
  ['Police said there were no casualties.', [['no casualties', 'killed', 0, 0, 'casualties']]],
  ['There were no immediate reports of deaths.', [['no immediate reports of deaths', 'killed', 0, 0, 'deaths']]],
  ['The convoy passed without casualties.', [['without casualties', 'killed', 0, 0, 'casualties']]],
  ['Nobody was hurt.', [['Nobody was hurt', 'injured', 0, 0, 'hurt']]],
  ['A 25-year-old man was shot dead at a checkpoint.', [['A 25-year-old man', 'killed', 1, 1, 'shot dead']]],
  ['Another soldier was killed by a roadside bomb.', [['Another soldier', 'killed', 1, 1, 'killed']]],
  ['Militants kidnapped a woman and her two daughters.', [['a woman and her two daughters', 'abducted', 3, 3, 'kidnapped']]],
  ['The mortar attack caused the death of a child.', [['a child', 'killed', 1, 1, 'death']]],
  ['One person was killed in the shelling.', [['One person', 'killed', 1, 1, 'killed']]],
];

/** One person named without a figure: by article, possessive or title, typed only from right beside it. */
const SINGLE_PEOPLE: Array<[string, Expected[]]> = [
  ['The district police commander was shot dead outside his home.', [['The district police commander', 'killed', 1, 1, 'shot dead']]],
  ['Mortar fire caused the death of a shepherd in the hills.', [['a shepherd', 'killed', 1, 1, 'death']]],
  ["A farmer's body was found in a ditch near the road.", [['A farmer', 'killed', 1, 1, 'body']]],
  ['The funeral was held for Governor Malik Hassan, who was assassinated on Friday.', [['Governor Malik Hassan', 'killed', 1, 1, 'assassinated']]],
  ['A nurse was abducted and later killed by the militia.', [['A nurse', 'abducted', 1, 1, 'abducted'], ['A nurse', 'killed', 1, 1, 'killed']]],
  ['A bus driver was shot and killed at the depot.', [['A bus driver', 'killed', 1, 1, 'killed']]],
  ['A former member of the local council was killed in the blast.', [['A former member', 'killed', 1, 1, 'killed']]],
  ['Rioters beat to death and later hanged a young shopkeeper accused of theft.', [['a young shopkeeper', 'killed', 1, 1, 'beat to death']]],
  ['Gunmen killed a trader and wounded his wife.', [['a trader', 'killed', 1, 1, 'killed'], ['his wife', 'injured', 1, 1, 'wounded']]],
  ['One woodcutter died and another was wounded when a mine went off.', [['One woodcutter', 'killed', 1, 1, 'died'], ['another', 'injured', 1, 1, 'wounded']]],
  ['He was killed instantly.', [['He', 'killed', 1, 1, 'killed']]],
  ['He killed three people.', [['three people', 'killed', 3, 3, 'killed']]],
  ['The militants murdered a party organiser in the village.', [['a party organiser', 'killed', 1, 1, 'murdered']]],
  ['An informer was killed near the bridge.', [['An informer', 'killed', 1, 1, 'killed']]],
  ['Troops found an injured woman and killed approximately eight raiders.', [['an injured woman', 'injured', 1, 1, 'injured'], ['approximately eight raiders', 'killed', 8, null, 'killed']]],
];

/** People told together are one count, their figures added up; agents and alternatives type nothing. */
const TOGETHER: Array<[string, Expected[]]> = [
  ['Four soldiers and two civilians were killed when the convoy was ambushed.', [['Four soldiers and two civilians', 'killed', 6, 6, 'killed']]],
  ['A policeman, two teachers and a student were wounded in the blast.', [['A policeman, two teachers and a student', 'injured', 4, 4, 'wounded']]],
  ['Gunmen killed the village headman and his son.', [['the village headman and his son', 'killed', 2, 2, 'killed']]],
  ['The clash left 3 dead and 8 wounded.', [['3 dead', 'killed', 3, 3, 'dead'], ['8 wounded', 'injured', 8, 8, 'wounded']]],
  [
    'The 11 Kenyans and one Ugandan working for the road contractor, including two women, were kidnapped near the border.',
    [['11 Kenyans and one Ugandan', 'abducted', 12, 12, 'kidnapped'], ['two women', 'abducted', 2, 2, 'kidnapped']],
  ],
  ['Two Tuareg herders were detained and executed by the soldiers.', [['Two Tuareg herders', 'arrested', 2, 2, 'detained'], ['Two Tuareg herders', 'killed', 2, 2, 'executed']]],
  ['A trader was shot and killed by three gunmen on motorbikes.', [['A trader', 'killed', 1, 1, 'killed'], ['three gunmen', null, 3, 3, null]]],
  ['7 fighters were killed or wounded in the raid.', [['7 fighters', null, 7, 7, null]]],
  ['Hundreds of students marched against the killing of 3 students.', [['Hundreds of students', null, 100, null, null], ['3 students', 'killed', 3, 3, 'killing']]],
  ['Two rangers died in the ambush.', [['Two rangers', 'killed', 2, 2, 'died']]],
  ['The militia shot dead 2 local aid drivers in the market.', [['2 local aid drivers', 'killed', 2, 2, 'shot dead']]],
  ['An unknown number of villagers were killed.', [['An unknown number of villagers', 'killed', 3, null, 'killed']]],
  ['Doctors said 60 people were treated for burns.', [['60 people', 'injured', 60, 60, 'treated for']]],
  ['The officer and the driver died.', [['The officer and the driver', 'killed', 2, 2, 'died']]],
  ['Gunmen killed him and his driver.', [['him and his driver', 'killed', 2, 2, 'killed']]],
  ['The raid led to the death of 4 ULF and 2 KNG, and 5 were seriously injured.', [['4 ULF and 2 KNG', 'killed', 6, 6, 'death'], ['5', 'injured', 5, 5, 'injured']]],
  ['The clash ended with the killing of 3 people and several injuries.', [['3 people', 'killed', 3, 3, 'killing'], ['several', 'injured', 3, null, 'injuries']]],
  ['A couple were stabbed and killed at their farm.', [['A couple', 'killed', 2, null, 'killed']]],
  ['Bandits killed a trucker and his co-pilot on the highway.', [['a trucker and his co-pilot', 'killed', 2, 2, 'killed']]],
  ['Two KLF and nine civilians were killed.', [['Two KLF and nine civilians', 'killed', 11, 11, 'killed']]],
  ['Gunmen killed 6 villagers in Bulongo and 9 villagers in Kisima.', [['6 villagers in Bulongo and 9 villagers', 'killed', 15, 15, 'killed']]],
  ['Troops killed a rebel commander and 12 of his fighters.', [['a rebel commander and 12 of his fighters', 'killed', 13, 13, 'killed']]],
  ['Gunmen shot and killed a 16 year old shepherd near the well.', [['a 16 year old shepherd', 'killed', 1, 1, 'killed']]],
  ['A stray shell killed a 9-year-old in the market.', [['a 9-year-old', 'killed', 1, 1, 'killed']]],
  ['Dozens of soldiers were killed and wounded in the assault.', [['Dozens of soldiers', null, 12, null, null]]],
];

for (const [name, table] of [
  ['figures and bounds', FIGURES],
  ['several kinds in one clause', SEVERAL_KINDS],
  ['none and one', NONE_AND_ONE],
  ['single people', SINGLE_PEOPLE],
  ['people told together', TOGETHER],
] as const) {
  test(`counts: ${name}`, () => {
    for (const [sentence, expected] of table) assert.deepEqual(countsOf(sentence), expected, sentence);
  });
}

test('counts: number words parse', () => {
  const m = compileCountMatcher(loadCountLexicon());
  const table: Array<[string, number]> = [
    ['twenty-five', 25],
    ['two hundred and fifty', 250],
    ['three thousand', 3000],
    ['two hundred thousand', 200000],
    ['three dozen', 36],
    ['twelve', 12],
    ['one hundred twelve', 112],
  ];
  for (const [words, value] of table) assert.equal(parseNumberWords(words, m.wordValues), value, words);
});

test('counts: stage skips boilerplate and records a trace', () => {
  const doc = testDoc('At least 12 people were killed in Kabul. Join 5,000 readers who get our newsletter.');
  const promo = doc.text.indexOf('Join');
  doc.skip = [{ start: promo, end: doc.text.length, kind: 'promo', rule: 'test' }];
  const out = createCountStage().run(doc);
  assert.deepEqual(
    out.counts.map((c) => [doc.text.slice(c.start, c.end), c.kind]),
    [['At least 12 people', 'killed']],
  );
  assert.match(out.trace.join('\n'), /^counts: 1 \(killed 1\)$/m);
});

test('a toll told as a statement about the toll types its figure', () => {
  const cases: Array<[string, Expected[]]> = [
    ['The number of people killed in the weekend shelling of the market has risen to 31, the mayor said.', [['31', 'killed', 31, 31, 'number of people killed']]],
    ['The death toll from the ferry attack rose to more than 60 on Sunday.', [['more than 60', 'killed', 60, null, 'death toll']]],
    ['By evening the number of wounded stood at 140.', [['140', 'injured', 140, 140, 'number of wounded']]],
  ];
  for (const [sentence, expected] of cases) assert.deepEqual(countsOf(sentence), expected, sentence);
  // A toll that is not followed by its verb and figure stays as it was.
  assert.deepEqual(countsOf('The toll is expected to rise, officials said.'), []);
});
