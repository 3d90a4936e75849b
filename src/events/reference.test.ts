import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Span, TriggerMention } from '../types.js';
import { isClaimObject, isTopicOfTelling, roleOf } from './reference.js';

/** The span of `word` in `text` (its first occurrence, or the one after `from`). */
function at(text: string, word: string, from = 0): Span {
  const start = text.indexOf(word, from);
  assert.ok(start >= 0, `${word} in ${text}`);
  return { start, end: start + word.length };
}

function act(text: string, word: string, hints: string[] = []): TriggerMention {
  return { ...at(text, word), eventType: 'Violence against civilians', subEventType: 'Attack', entry: 'test', hints, rule: 'test', priority: 30 };
}

test('a claim names an act already told only in a bare noun; "claimed that it shot" and "claimed the firing of" tell it', () => {
  const cases: Array<[string, string, boolean]> = [
    ['Al-Shabaab claimed the bombing on Monday evening.', 'bombing', true],
    ["The group claimed Thursday's attack in a statement.", 'attack', true],
    ['IS claimed responsibility for the twin blasts at the market.', 'blasts', true],
    ['The group claimed that it shot dead two soldiers.', 'shot dead', false],
    ['IS claimed the firing of three rockets at the base.', 'firing', false],
    ['The group claimed the killing of two soldiers.', 'killing', false],
  ];
  for (const [text, word, want] of cases) assert.equal(isClaimObject(text, at(text, word)), want, text);
});

test('an act named as the topic of an account or an inquiry is not done by who gave the account', () => {
  const topic = 'The ministry corrected its earlier account of the bombing.';
  assert.equal(isTopicOfTelling(topic, at(topic, 'bombing')), true);
  const inquiry = 'The UN opened an inquiry into the air strike on the clinic.';
  assert.equal(isTopicOfTelling(inquiry, at(inquiry, 'air strike')), true);
  const act_ = 'Police said the bombing killed four people.';
  assert.equal(isTopicOfTelling(act_, at(act_, 'bombing')), false);
});

test('dates and places across an interval are the other act\'s; a date before "after" with no act before it is a bound', () => {
  const text = 'The kidnapping came two days after bandits killed nine people in Gusau on Friday.';
  const kidnapping = at(text, 'kidnapping');
  assert.equal(roleOf(text, kidnapping, at(text, 'Friday'), []), 'other-act');
  assert.equal(roleOf(text, kidnapping, at(text, 'Gusau'), []), 'other-act');
  assert.equal(roleOf(text, at(text, 'killed'), at(text, 'Friday'), []), 'own');

  const missing = 'Forty pupils were missing on Tuesday after gunmen stormed their school.';
  assert.equal(roleOf(missing, at(missing, 'stormed'), at(missing, 'Tuesday'), [act(missing, 'stormed')]), 'bound');
  const died = 'Five people died on Tuesday after gunmen opened fire on a bus.';
  assert.equal(roleOf(died, at(died, 'opened fire'), at(died, 'Tuesday'), [act(died, 'died'), act(died, 'opened fire')]), 'own');
  const aside = 'On Tuesday, after a week of talks, rebels stormed the town.';
  assert.equal(roleOf(aside, at(aside, 'stormed'), at(aside, 'Tuesday'), [act(aside, 'stormed')]), 'own');
  const monday = 'On Monday, three days after the bombing, police arrested five men.';
  assert.equal(roleOf(monday, at(monday, 'arrested'), at(monday, 'Monday'), []), 'own');
  assert.equal(roleOf(monday, at(monday, 'bombing'), at(monday, 'Monday'), []), 'other-act');
});
