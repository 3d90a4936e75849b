import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './index.js';
import { describeFound } from './test-helpers.js';

const ANCHOR = '2018-07-31';

/** Sentences with no date a report could be dated by: each must yield nothing. */
const NO_DATE: Array<[why: string, text: string]> = [
  ['a year alone is too imprecise', 'Daraa, the cradle of the 2011 uprising, is mostly held by rebels.'],
  ['a year alone is too imprecise', 'The uprising began in 2011 and spread within weeks.'],
  ['a duration', 'In around two weeks, they have whittled down the territory to a pocket.'],
  ['a prediction of a duration', 'State media expected the group would collapse within days.'],
  ['a war\'s length', 'The province had been insulated from the seven-year war.'],
  ['a duration', 'A truce for 48 hours was agreed by both sides.'],
  ['a duration', 'Troops have been deployed in the valley for two weeks.'],
  ['site furniture', 'Join our newsletter. Takes 2 seconds.'],
  ['a time of day alone', 'The first blast was heard at 9:47 PM.'],
  ['a time of day alone', 'Fighting continued in the morning and again at noon.'],
  ['"now"', 'The situation in the city is calm now.'],
  ['a slogan, not a date', 'The field hospital is open 24/7 for the wounded.'],
  ['a score', 'The home side won the match 3-1 in front of soldiers.'],
  ['a percentage', 'The currency fell 12.53% against the dollar.'],
  ['a resolution number', 'Security Council Resolution 2254 calls for elections.'],
  ['a decade', 'The militia was founded in the 1990s.'],
  ['a person named May', 'Prime Minister Theresa May said the attack was barbaric.'],
  ['a person named April', 'The report was written by April Ryan and colleagues.'],
  ['a verb, not a month', 'Thousands march through the square every year.'],
  ['a verb, not a weekday', 'They sat on the floor of the mosque.'],
  ['a holiday, not the latest Friday', 'Crowds gathered for Good Friday prayers in the old city.'],
  ['a newspaper', 'USA Today reported the figures from the ministry.'],
  ['an adjective', 'The army imposed an overnight curfew on the district.'],
  ['a habit, not a day', 'Protesters gather on Fridays outside the parliament.'],
  ['relative to another event, not to the anchor', 'Two days later, the army returned to the village.'],
  ['a long period', 'Over the past two years, the group has lost most of its territory.'],
  ['a relative year', 'The death toll was higher last year than this year.'],
  ['numbers without a year', 'The scores were 12/3 and 7/4 in the two rounds.'],
];

describe('findDates: negative cases', () => {
  for (const [why, text] of NO_DATE) {
    it(`finds no date in ${why}: ${text}`, () => {
      const found = findDates(text, ANCHOR);
      assert.equal(found.length, 0, `${JSON.stringify(text)} → ${describeFound(text, found)}`);
    });
  }

  it('never dates a reported event after the publication day', () => {
    const text = 'The army retook the town on August 20. In December, the base was shelled. Fighting on Wednesday left 12 dead.';
    for (const mention of findDates(text, ANCHOR)) {
      assert.ok(mention.date <= ANCHOR, `${text.slice(mention.start, mention.end)} → ${mention.date}`);
      assert.equal(mention.future, false);
    }
  });
});
