import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../types.js';
import { createAttributionStage, findQuotes, loadSourceDictionary } from './index.js';
import { testDoc } from '../../test/support/sentence-doc.js';

const stage = createAttributionStage(loadSourceDictionary());

function run(text: string): Doc {
  return stage.run(testDoc(text));
}

/** [cited phrase, source] for every attribution of a text. */
function cited(text: string): Array<[string, string]> {
  const doc = run(text);
  return doc.attributions.map((a) => [doc.text.slice(a.start, a.end), a.source]);
}

const SENTENCES: Array<[string, Array<[string, string]>]> = [
  ['At least 12 fighters were killed, said the Syrian Observatory for Human Rights.', [['the Syrian Observatory for Human Rights', 'Syrian Observatory for Human Rights']]],
  ['Dozens of fighters were cornered on Tuesday, a monitor said.', [['a monitor', 'monitor']]],
  ['Six civilians died in the strike, according to the UN.', [['the UN', 'United Nations']]],
  ['The convoy was hit near the border, a police officer told AFP.', [['a police officer', 'police officer']]],
  ['Ukrainian officials said Russian forces had fired a ballistic missile.', [['Ukrainian officials', 'Ukrainian officials']]],
  ['State news agency SANA said Monday the army had entered the town.', [['State news agency SANA', 'SANA']]],
  ['The ministry said in a statement that 40 people had been detained.', [['The ministry', 'the ministry']]],
  ['Police said the gunmen fled on motorbikes.', [['Police', 'Police']]],
  ['Witnesses said the troops opened fire without warning.', [['Witnesses', 'Witnesses']]],
  ['The Taliban claimed responsibility for the attack.', [['The Taliban', 'the Taliban']]],
  ['Residents told Reuters the shelling lasted all night.', [['Residents', 'Residents']]],
  ["Russia's Defence Ministry denied carrying out the strike.", [["Russia's Defence Ministry", 'Ministry of Defence of Russia']]],
  ['The Nigerian military said it had repelled the attack.', [['The Nigerian military', 'Military Forces of Nigeria']]],
  ['Syrian state media said the army had advanced.', [['Syrian state media', 'SANA']]],
  ['Three children were among the dead, according to a statement from Save the Children.', [['Save the Children', 'Save the Children']]],
  ['The strike hit a clinic, the UN refugee agency said on Friday.', [['the UN refugee agency', 'UNHCR']]],
  ['Rescue workers and medics said the toll was rising.', [['Rescue workers', 'Rescue workers'], ['medics', 'medics']]],
  ['Mayor Ivan Petrenko, the head of the city council, said the station was full.', [['Mayor Ivan Petrenko', 'Mayor Ivan Petrenko']]],
  ['Ahmed Saleh, a spokesman for Human Rights Watch, said the detainees were tortured.', [['Ahmed Saleh', 'Human Rights Watch']]],
  ['Five soldiers died, according to a statement from the ISPR.', [['the ISPR', 'the ISPR']]],
  ['The U.N. report said 300 people were detained.', [['The U.N. report', 'United Nations']]],
  ['Babakura Kolo, another militia leader, blamed Boko Haram for the raid.', [['Babakura Kolo', 'Babakura Kolo']]],
  ['The Union of Relief and Development Organizations said its clinic was hit.', [['The Union of Relief and Development Organizations', 'the Union of Relief and Development Organizations']]],
];

test('attribution: who a sentence cites', () => {
  for (const [text, expected] of SENTENCES) assert.deepEqual(cited(text), expected, text);
});

/** A wire story in the usual shape: a vague lede, the full name, a chief, short forms, a pronoun. */
const STORY = [
  'BEIRUT (AFP) — Regime forces shelled the town of Kafr Nabudah on Sunday, killing nine civilians, a war monitor said.',
  'Four children were among the dead, said the Syrian Observatory for Human Rights.',
  '“The shelling started at dawn and did not stop until noon,” said Observatory head Rami Abdel Rahman. “Families are sleeping in caves.”',
  '“Nobody is left in the town,” Abdel Rahman said.',
  '“The roads are cut,” he added.',
  'Syrian state news agency SANA said the army was responding to rebel fire, but the Britain-based monitor said no rebels were in the town.',
].join('\n\n');

test('attribution: a story resolves short forms, people and pronouns to the monitor', () => {
  const doc = run(STORY);
  const sohr = 'Syrian Observatory for Human Rights';
  assert.deepEqual(
    doc.attributions.map((a) => [doc.text.slice(a.start, a.end), a.source, a.sentences]),
    [
      ['a war monitor', sohr, [0]],
      ['the Syrian Observatory for Human Rights', sohr, [1]],
      ['Observatory head Rami Abdel Rahman', sohr, [2, 3]],
      ['Abdel Rahman', sohr, [4]],
      ['he', sohr, [5]],
      ['Syrian state news agency SANA', 'SANA', [6]],
      ['the Britain-based monitor', sohr, [6]],
    ],
  );
  const speakers = doc.quotes.map((q) => [doc.text.slice(q.start, q.start + 12), q.speaker ? doc.text.slice(q.speaker.start, q.speaker.end) : null, q.rule]);
  assert.deepEqual(speakers, [
    ['“The shellin', 'Observatory head Rami Abdel Rahman', 'quote/tagged'],
    ['“Families ar', 'Observatory head Rami Abdel Rahman', 'quote/continues'],
    ['“Nobody is l', 'Abdel Rahman', 'quote/tagged'],
    ['“The roads a', 'Abdel Rahman', 'quote/tagged'],
  ]);
  assert.match(doc.trace.join('\n'), /^attribution: 4 quotes, 7 citations/m);
});

test('attribution: a quote paragraph attributed at its end covers all its sentences', () => {
  const doc = run('“We lost everything. The house is gone. My brother is missing,” said Fatima Hassan, a resident of the camp.');
  assert.equal(doc.sentences.length, 3);
  assert.deepEqual(
    doc.attributions.map((a) => [a.source, a.sentences]),
    [['Fatima Hassan', [0, 1, 2]]],
  );
});

test('attribution: a paragraph left open takes the speaker of the quote that reopens the next', () => {
  const doc = run('“We were told to leave by night.\n\n“Then the bombs fell on the road,” said Omar Khaled, a farmer.');
  assert.deepEqual(doc.quotes.map((q) => q.rule), ['quote/reopened', 'quote/tagged']);
  assert.deepEqual(doc.attributions.map((a) => a.sentences), [[0, 1]]);
});

test('attribution: quotes in curly, straight and mixed marks', () => {
  const table: Array<[string, string[]]> = [
    ['He called the attack “evil with no limits”.', ['“evil with no limits”']],
    ['"We will not leave," she said.', ['"We will not leave,"']],
    ['"It is no longer a question of if but when.” Officials agreed.', ['"It is no longer a question of if but when.”']],
    ['The so-called "safe zone" was shelled twice.', ['"safe zone"']],
    ['It was 5" wide and 3" long.', []],
  ];
  for (const [text, expected] of table) {
    assert.deepEqual(findQuotes(text).map((q) => text.slice(q.start, q.end)), expected, text);
  }
});

/** Sentences that look like citations but cite nobody. */
const NEGATIVES: string[] = [
  'The so-called Islamic State lost its last town.',
  'As the saying goes, the first casualty of war is truth.',
  'Needless to say, the talks collapsed.',
  'The commander is said to have fled to the mountains.',
  'It was reported that the bridge had collapsed.',
  'Said Abdullah was among the dead.',
  'No group has claimed responsibility for the attack.',
  'He denied the claims.',
  'The fighting in 2014 displaced thousands.',
  'A statement said the talks had failed.',
  'Despite media reports, the talks went ahead.',
  'The claims of victory were false.',
];

test('attribution: negatives cite nobody', () => {
  for (const text of NEGATIVES) {
    assert.deepEqual(cited(text), [], text);
  }
});

test('attribution: words inside a quote are not the report citing anyone', () => {
  assert.deepEqual(cited('“Officials said we had to leave,” Amina Yusuf said.'), [['Amina Yusuf', 'Amina Yusuf']]);
});

test('attribution: skipped regions are not read', () => {
  const doc = testDoc('Police said two men were arrested. Share this story, said our editors.');
  const share = doc.text.indexOf('Share');
  doc.skip = [{ start: share, end: doc.text.length, kind: 'share', rule: 'test' }];
  const out = stage.run(doc);
  assert.deepEqual(out.attributions.map((a) => a.source), ['Police']);
});
