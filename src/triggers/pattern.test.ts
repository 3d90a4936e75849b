import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileStatusLexicon, compileTriggerLexicon, createTriggerStage, inflections } from './index.js';
import { compilePattern } from './pattern.js';
import { segmented } from './test-tokens.js';

test('inflections cover regular verb and noun forms', () => {
  const table: Array<[string, string[]]> = [
    ['kidnap', ['kidnaps', 'kidnapped', 'kidnapping']],
    ['rape', ['rapes', 'raped', 'raping']],
    ['clash', ['clashes', 'clashed', 'clashing']],
    ['rally', ['rallies', 'rallied', 'rallying']],
    ['shell', ['shells', 'shelled', 'shelling']],
    ['target', ['targets', 'targeted', 'targeting']],
    ['die', ['dies', 'died', 'dying']],
  ];
  for (const [lemma, forms] of table) {
    const got = inflections(lemma);
    for (const form of forms) assert.ok(got.includes(form), `${lemma} → ${form} missing from ${got.join(',')}`);
  }
});

test('malformed patterns are rejected', () => {
  const bad = ['', '* attack', 'attack *', 'attack * * town', 'attack? town', '#weapon attack', '{attack', 'Attack', 'the? attack'];
  for (const pattern of bad) assert.throws(() => compilePattern(pattern), Error, `"${pattern}" should not compile`);
});

test('hyphenated words compile to joined and split variants', () => {
  assert.equal(compilePattern('car-bomb').length, 2);
  assert.equal(compilePattern('{car-bomb} attack').length, 2);
  assert.equal(compilePattern('air strike').length, 1);
});

const SMALL = {
  hints: { weapon: 'names the means' },
  entries: [
    { id: 'shelled', sub_event_type: 'Shelling/artillery/missile attack', priority: 80, hints: ['weapon'], patterns: ['{shell} *2 {village}|{town}'] },
    { id: 'years-war', sub_event_type: 'Other', priority: 1, patterns: ['#num year war'] },
    { id: 'optional', sub_event_type: 'Arrests', priority: 50, patterns: ['{take} into police? custody'] },
  ],
};

test('a small lexicon matches forms, lemmas, gaps, classes and optional words', () => {
  const stage = createTriggerStage(compileTriggerLexicon(SMALL));
  const table: Array<[string, string[]]> = [
    ['Troops shelled the village.', ['shelled the village']],
    ['Troops shelled the small border town.', []], // gap of 3 exceeds *2
    ['It was a seven-year war.', ['seven-year war']],
    ['He was taken into custody.', ['taken into custody']],
    ['He was taken into police custody.', ['taken into police custody']],
  ];
  for (const [text, spans] of table) {
    const doc = stage.run(segmented(text));
    assert.deepEqual(doc.triggers.map((t) => text.slice(t.start, t.end)), spans, text);
  }
});

test('lexicon errors name the entry', () => {
  const table: Array<[unknown, RegExp]> = [
    [{ entries: [{ id: 'x', sub_event_type: 'Battle', priority: 1, patterns: ['a'] }] }, /"x": unknown sub_event_type/],
    [{ entries: [{ id: 'x', sub_event_type: 'Other', priority: 101, patterns: ['a'] }] }, /"x": priority/],
    [{ entries: [{ id: 'x', sub_event_type: 'Other', priority: 1, hints: ['nope'], patterns: ['a'] }] }, /unknown hint "nope"/],
    [{ entries: [{ id: 'x', sub_event_type: 'Other', priority: 1, patterns: ['* a'] }] }, /"x": pattern/],
    [{ entries: [{ id: 'x', sub_event_type: 'Other', priority: 1, patterns: [] }] }, /"x": no patterns/],
    [{ entries: [{ id: 'x', sub_event_type: 'Other', priority: 1, patterns: ['a'] }, { id: 'x', sub_event_type: 'Other', priority: 1, patterns: ['b'] }] }, /duplicate id "x"/],
    [{}, /no "entries"/],
  ];
  for (const [raw, message] of table) assert.throws(() => compileTriggerLexicon(raw), message);
  assert.throws(() => compileStatusLexicon({ cues: [{ id: 'y', status: 'maybe', patterns: ['a'] }] }), /"y": unknown status/);
});
