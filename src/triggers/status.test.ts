import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StatusCue } from '../types.js';
import { createCueStage, createStatusCueFinder, findStatusCues, loadStatusLexicon } from './index.js';
import { segmented } from './test-tokens.js';

const lexicon = loadStatusLexicon();

function cuesOf(text: string): StatusCue[] {
  const doc = segmented(text);
  return findStatusCues(lexicon, doc, { start: 0, end: text.length });
}

function statusesOf(text: string): string[] {
  return [...new Set(cuesOf(text).map((cue) => cue.status))].sort();
}

// [sentence, a status that must be among its cues]
const CASES: Array<[string, string]> = [
  ['Government and rebel negotiators will hold talks in Doha next week.', 'planned'],
  ['The militia threatened to attack the town if the army did not withdraw.', 'planned'],
  ['Opposition parties vowed to stage fresh protests on Friday.', 'planned'],
  ['The union announced plans for a general strike.', 'planned'],
  ['The group allegedly executed three hostages, according to residents.', 'alleged'],
  ['The army claimed it had killed 40 militants, which could not be independently verified.', 'alleged'],
  ['Rebels were accused of burning the village.', 'alleged'],
  ['The ministry denied that its jets had struck the hospital.', 'denied'],
  ['Police rejected claims that officers had fired on the crowd.', 'denied'],
  ['Fighting continued for a third day around the airport.', 'ongoing'],
  ['The sit-in entered its second week on Monday.', 'ongoing'],
  ['State media said it expected the group would collapse within days.', 'nonevent'],
  ['The city could fall to the insurgents, analysts warned.', 'nonevent'],
  ['Daraa, the cradle of the 2011 uprising, has been calm for months.', 'nonevent'],
  ['The province had been insulated from the seven-year war.', 'nonevent'],
  ['Since 2011, more than 300,000 people have died in the conflict.', 'nonevent'],
  ['The army did not attack the camp, a spokesman said.', 'nonevent'],
  ['The council set Friday as the deadline for the withdrawal of the militia.', 'nonevent'],
  ['Officials warned that the rebels were preparing an offensive on the city.', 'nonevent'],
];

// Plain reports of fact: no cue at all.
const NEGATIVES: string[] = [
  'Gunmen killed five villagers in Zamfara state on Tuesday.',
  'Police fired tear gas at protesters in the capital.',
  'Rebels captured the town after heavy fighting.',
  'A roadside bomb exploded near a military convoy, killing two soldiers.',
  'Neither fatalities nor injuries were reported after the shelling.',
  'The reason for the attack was not provided.',
  'Hundreds gathered outside the court to protest the verdict, demanding the release of the detainees.',
  'Protesters marched to commemorate the anniversary of the massacre.',
  'It is not known whether there were casualties in the raid.',
  'Residents said they have not received water for three weeks.',
];

test('cues mark planned, alleged, denied, ongoing and non-events', () => {
  for (const [text, status] of CASES) {
    assert.ok(statusesOf(text).includes(status), `${text}\n  cues: ${JSON.stringify(cuesOf(text))}`);
  }
});

test('plain reports of fact carry no status cue', () => {
  for (const text of NEGATIVES) assert.deepEqual(statusesOf(text), [], `${text}: ${JSON.stringify(cuesOf(text))}`);
});

test('"no one was hurt" is not a negated event', () => {
  for (const text of ['A mortar landed near the school but no one was hurt.', 'Two people were not injured in the blast.']) {
    assert.ok(!statusesOf(text).includes('nonevent'), `${text}: ${JSON.stringify(cuesOf(text))}`);
  }
});

test('cues are limited to the given sentence and carry exact spans', () => {
  const text = 'Rebels shelled the town. The army denied the reports.';
  const doc = segmented(text);
  const [first, second] = doc.sentences;
  assert.ok(first && second);
  const find = createStatusCueFinder(lexicon);
  assert.deepEqual(find(doc, first), []);
  const cues = find(doc, second);
  assert.equal(cues.length, 1);
  assert.equal(cues[0]?.status, 'denied');
  assert.equal(cues[0] && text.slice(cues[0].start, cues[0].end), 'denied');
  assert.equal(cues[0]?.cue, 'denied');
  assert.equal(cues[0]?.rule, 'status:denial');
});

test('the cue stage fills doc.cues for every sentence outside skipped regions', () => {
  const text = 'The rebels vowed to retake the town. Photo: the army denied the report.';
  const doc = segmented(text);
  const caption = text.indexOf('Photo');
  doc.skip = [{ start: caption, end: text.length, kind: 'caption', rule: 'test' }];
  const stage = createCueStage(lexicon);
  assert.deepEqual([stage.requires, stage.provides], [['tokens', 'sentences', 'skip'], ['cues']]);
  stage.run(doc);
  assert.deepEqual(doc.cues.map((cue) => [cue.status, cue.cue]), [['planned', 'vowed to']]);
  assert.match(doc.trace.at(-1) ?? '', /^cues: 1 found: planned 1/);
});
