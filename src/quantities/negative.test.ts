import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCounts } from './index.js';

/** Sentences with figures that are not numbers of people: none may yield a count. */
const NOT_PEOPLE: string[] = [
  'The 2011 uprising against the regime began in Daraa.',
  'In 2019 the ceasefire collapsed after two weeks.',
  'The attack happened on July 25 at 3 a.m. local time.',
  'Fighting resumed on 12 March, officials said.',
  'The government pledged $5 million in aid and 20 percent of the budget.',
  'Militants control 90% of the district.',
  'The convoy was 10 km from the border when it was hit.',
  'About 1,200 km separate the two cities.',
  'The victim, aged 25, was a student.',
  'A 25-year-old student was among the protesters.',
  'Three churches and 20 houses were torched by the mob.',
  'The militants seized 30 vehicles and two tanks.',
  'Security Council Resolution 2254 calls for a ceasefire.',
  'One of the fighters said the group had no choice.',
  'Su-25 jets and F-16s bombed the area for the second time in 24 hours.',
  'He served three years in prison before he was released.',
  "The town had been insulated from Syria's seven-year war.",
  'The war has lasted seven years and no one knows when it will end.',
  'The 3rd Brigade took part in the offensive.',
  'The BLA is one of the top two militant groups in the province.',
  'The bloc faces the withdrawal of three member states.',
  'The meeting lasted 90 minutes and ended at 10:30.',
  'He spoke on page 12 of the report.',
  'The one thing everyone agreed on was the need for talks.',
  'The rebels fired 30 rockets, none of which hit the base.',
  'A man opened fire on the crowd before fleeing on a motorcycle.',
  'Mourners gathered to bury the dead.',
  'Two trucks were seized at the checkpoint.',
  'The raiders killed 40 cattle and burned the huts.',
  'A day after the soldier was buried, his family left the village.',
  'The commander said the operation would continue.',
  'A man opened fire and then fled the scene.',
  'The fighting died down by evening.',
  'The attack killed.',
  'Villagers burned the house of a man accused of killing a farmer.',
  'He was convicted of killing a student in 2018.',
  'Rebels attacked 3 villages and 2 army bases.',
  'Gunmen tried to kill a local commander outside his home.',
  'A nephew of the jailed militia leader spoke at the rally.',
];

test('counts: negatives yield nothing', () => {
  for (const sentence of NOT_PEOPLE) {
    const found = findCounts(sentence, { start: 0, end: sentence.length }).map((c) => sentence.slice(c.start, c.end));
    assert.deepEqual(found, [], sentence);
  }
});

test('counts: offsets stay inside the sentence span of a longer text', () => {
  const text = 'Headline here. At least 7 people died on Monday. Next sentence with 40 soldiers.';
  const start = text.indexOf('At least');
  const end = text.indexOf('Next') - 1;
  const found = findCounts(text, { start, end });
  assert.deepEqual(
    found.map((c) => [text.slice(c.start, c.end), c.kind]),
    [['At least 7 people', 'killed']],
  );
});
