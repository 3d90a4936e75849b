import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePattern, formBit } from './pattern.js';
import { loadStatusLexicon, loadTriggerLexicon } from './index.js';
import type { PatternIndex } from './matcher.js';
import { anchorOf, mayMatch, tokenBits } from './prefilter.js';
import { createKeyFilter, mayHaveKey } from './key-filter.js';
import { tokenize } from './test-tokens.js';

/** mayMatch for the pattern's first compiled variant, its first position taken at the first token. */
function may(pattern: string, text: string): boolean {
  const steps = compilePattern(pattern)[0]!;
  const tokens = tokenize(text);
  return mayMatch(anchorOf(steps), tokens, tokenBits(tokens, 0, tokens.length), 0, tokens.length);
}

// [pattern, text] pairs the pattern matches: the filter must never turn them away.
const MATCHING: Array<[string, string]> = [
  ['{attack} on|against *3 {soldier}', 'attacked on Sunday soldiers'],
  ['{attack} *3 {village}|{town}', 'attacked the remote village'],
  ['{attack} *3 {village}|{town}', 'attack villages'],
  ['{fire} at|on|upon', 'fired at the crowd'],
  ['air strike|strikes', 'air strikes hit the town'],
  ['car-bomb', 'car - bomb exploded'],
  ['{take} into police? custody', 'taken into custody'],
  ['{kill} #num', 'killed 12 people'],
];

// Texts where the anchor cannot be met: the filter should rule most of these out (it is a
// 32-bit filter, so a few may pass and then fail in the matcher).
const NOT_MATCHING: Array<[string, string]> = [
  ['{attack} on|against *3 {soldier}', 'attacked by rebels'],
  ['{fire} at|on|upon', 'fired rockets'],
  ['{attack} *3 {village}', 'attacked the city of Goma yesterday evening'],
  ['{attack} on|against', 'attacked with drones'],
  ['{kill} in an|a {encounter}', 'killed three people'],
  ['{seize} control|hold|possession of', 'seized weapons'],
  ['{fire} *2 tear gas', 'fired shots'],
  ['{take} into custody', 'took part'],
];

test('the anchor filter keeps every try that can match', () => {
  for (const [pattern, text] of MATCHING) assert.equal(may(pattern, text), true, `${pattern} / ${text}`);
});

test('the anchor filter rules out most tries whose anchor is absent', () => {
  const passed = NOT_MATCHING.filter(([pattern, text]) => may(pattern, text));
  assert.ok(passed.length <= 2, `passed: ${passed.map(([p, t]) => `${p} / ${t}`).join('; ')}`);
});

test('optional, class and hyphen anchors are never tested', () => {
  for (const pattern of ['{kill} #num people', '{take} police? custody', 'sit - in']) {
    const steps = compilePattern(pattern)[0]!;
    assert.equal(anchorOf(steps).mask, 0, pattern);
  }
});

test('the key filter keeps every key', () => {
  const keys = ['attack', 'attacked', 'fire', 'sit-in', 'a', '', 'ümraniye', 'protesters'];
  const filter = createKeyFilter(keys);
  for (const key of keys) assert.equal(mayHaveKey(filter, key), true, key);
  const others = ['the', 'said', 'on', 'minister', 'yesterday', 'according', 'village', 'government'];
  assert.ok(others.filter((word) => mayHaveKey(filter, word)).length < others.length, 'the filter rules out most other words');
});

test('every position of the shipped lexicons keeps the bits of all its forms and lemmas', () => {
  // The matcher turns a token away when its bits miss the position's: a form or lemma whose bit
  // were missing would silently stop matching.
  let positions = 0;
  const indexes: Array<PatternIndex<unknown>> = [loadTriggerLexicon().index, loadStatusLexicon().index];
  for (const index of indexes) {
    const groups = [...index.byNorm.values(), ...index.byLemma.values()];
    for (const pattern of [...groups.flatMap((g) => g.patterns), ...index.byClass]) {
      for (const step of pattern.steps) {
        if (step.kind !== 'position') continue;
        positions++;
        for (const form of [...step.norms, ...step.lemmas]) assert.notEqual(step.forms & formBit(form), 0, `${pattern.source}: ${form}`);
        assert.equal(step.takesHyphen, step.norms.has('-'), pattern.source);
      }
    }
  }
  assert.ok(positions > 1000, `only ${positions} positions read`);
});
