import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './index.js';
import { assertSingle, describeFound, type SingleRow } from './test-helpers.js';

// 2018-07-31 is a Tuesday: its week began Monday 30 July; last week ran 23-29 July.
const TUESDAY = '2018-07-31';
// 2022-04-08 is a Friday: its week began Monday 4 April; last week ran 28 March-3 April.
const FRIDAY = '2022-04-08';

const WEEKDAYS_TUESDAY: SingleRow[] = [
  ['Dozens of fighters were cornered in a pocket of the province on Tuesday, a monitor said.', 'Tuesday', '2018-07-31', null, 1, 'weekday-past'],
  ['State media said Monday that the group would collapse.', 'Monday', '2018-07-30', null, 1, 'weekday-past'],
  ['Warplanes pounded the area on Monday night, residents said.', 'Monday night', '2018-07-30', null, 1, 'weekday-past'],
  ['The convoy was ambushed late on Wednesday near the border.', 'Wednesday', '2018-07-25', null, 1, 'weekday-past'],
  ['Protesters gathered on Friday outside the governor\'s office.', 'Friday', '2018-07-27', null, 1, 'weekday-past'],
  ['Rebels seized the town last Tuesday after a week of fighting.', 'last Tuesday', '2018-07-24', null, 1, 'weekday-past'],
  ['Aid flights were suspended on Tuesday of last week.', 'Tuesday of last week', '2018-07-24', null, 1, 'weekday-last-week'],
  ['Sunday\'s bombing killed nine worshippers.', 'Sunday', '2018-07-29', null, 1, 'weekday-past'],
  // chrono's range merger would push Wednesday a week ahead; the span moves back instead.
  ['Fighting raged from Monday to Wednesday around the dam.', 'Monday to Wednesday', '2018-07-23', '2018-07-25', 2, 'weekday-past'],
];

const RELATIVE_DAYS_TUESDAY: SingleRow[] = [
  ['There have been talks since yesterday between the army and the militants.', 'yesterday', '2018-07-30', null, 1, 'yesterday'],
  ['Russian jets carried out strikes on the area today, he added.', 'today', '2018-07-31', null, 1, 'today'],
  ['Shelling continued overnight in the southern districts.', 'overnight', '2018-07-30', null, 1, 'overnight'],
  ['Clashes erupted this morning in the old city.', 'this morning', '2018-07-31', null, 1, 'today'],
  ['Gunmen stormed the checkpoint last night, killing two guards.', 'last night', '2018-07-30', null, 1, 'last-night'],
  ['The ministry said the day before yesterday that the road was open.', 'the day before yesterday', '2018-07-29', null, 1, 'day-before-yesterday'],
  ['Police detained 40 people three days ago in the capital.', 'three days ago', '2018-07-28', null, 1, 'ago'],
  ['The convoy left the city a week ago.', 'a week ago', '2018-07-21', '2018-07-27', 2, 'ago'],
  ['Residents fled a few days ago, aid workers said.', 'a few days ago', '2018-07-25', '2018-07-29', 2, 'ago'],
  ['Hundreds fled the district two months ago.', 'two months ago', '2018-05-01', '2018-05-31', 3, 'ago'],
];

const PERIODS_TUESDAY: SingleRow[] = [
  ['The women were kidnapped last week during a raid on a village.', 'last week', '2018-07-23', '2018-07-29', 2, 'last-week'],
  ['Earlier this week, the army announced a ceasefire.', 'Earlier this week', '2018-07-30', '2018-07-30', 2, 'earlier-this-week'],
  ['More than 2,000 people fled this week, aid agencies said.', 'this week', '2018-07-30', '2018-07-31', 2, 'this-week'],
  ['Two bombs exploded in the market last weekend.', 'last weekend', '2018-07-28', '2018-07-29', 2, 'last-weekend'],
  ['Militants attacked a police post over the weekend.', 'the weekend', '2018-07-28', '2018-07-29', 2, 'weekend'],
  ['Earlier this month, troops recaptured the border crossing.', 'Earlier this month', '2018-07-01', '2018-07-30', 3, 'earlier-this-month'],
  ['Last month, the coalition struck a fuel depot.', 'Last month', '2018-06-01', '2018-06-30', 3, 'last-month'],
  ['The talks collapsed late last month.', 'late last month', '2018-06-21', '2018-06-30', 3, 'late-last-month'],
  ['Strikes have killed 40 civilians in the past week.', 'past week', '2018-07-24', '2018-07-30', 2, 'past-week'],
];

const MONTHS_TUESDAY: SingleRow[] = [
  ['In May, fighters were bussed out of the camp.', 'May', '2018-05-01', '2018-05-31', 3, 'month-past'],
  ['Fighting flared again in early May around the airport.', 'early May', '2018-05-01', '2018-05-10', 3, 'month-part'],
  ['Talks stalled in mid-June.', 'mid-June', '2018-06-11', '2018-06-20', 3, 'month-part'],
  // A month after the anchor's month is last year's: reports look back.
  ['The siege began in late December.', 'late December', '2017-12-21', '2017-12-31', 3, 'month-part'],
  ['The base was shelled in December, officials said.', 'December', '2017-12-01', '2017-12-31', 3, 'month-past'],
  ['He was released in May 2017 and rearrested later.', 'May 2017', '2017-05-01', '2017-05-31', 3, 'chrono'],
  ['A truck bomb killed hundreds in October 2017.', 'October 2017', '2017-10-01', '2017-10-31', 3, 'chrono'],
  ['The bombing in May last year killed 30 people.', 'May last year', '2017-05-01', '2017-05-31', 3, 'month-relative-year'],
  ['Raids have continued since last August.', 'August', '2017-08-01', '2017-08-31', 3, 'month-relative-year'],
  // A capitalised word after the comma is the next clause, not a surname ("April Ryan").
  ['Since talks broke down in September, Damascus has refused to negotiate.', 'September', '2017-09-01', '2017-09-30', 3, 'month-past'],
];

const DAY_MONTHS_TUESDAY: SingleRow[] = [
  ['A man rides past damaged buildings on March 16, 2017.', 'March 16, 2017', '2017-03-16', null, 1, 'chrono'],
  ['The group killed more than 200 people in a rampage on July 25.', 'July 25', '2018-07-25', null, 1, 'day-month-past'],
  ['The accord was signed on 25 July in the capital.', '25 July', '2018-07-25', null, 1, 'day-month-past'],
  ['Hostilities ended on July 25, 2018, according to the report.', 'July 25, 2018', '2018-07-25', null, 1, 'chrono'],
  ['The army retook the town on August 20.', 'August 20', '2017-08-20', null, 1, 'day-month-past'],
  ['Fighting raged from July 25 to 27 around the dam.', 'July 25 to 27', '2018-07-25', '2018-07-27', 2, 'day-month-past'],
  ['Tuesday, July 31 was the deadliest day of the month.', 'Tuesday, July 31', '2018-07-31', null, 1, 'day-month-past'],
  ['The minister was killed on Sunday 29 July 2018 in an ambush.', 'Sunday 29 July 2018', '2018-07-29', null, 1, 'chrono'],
  ['Police said on 2018-07-29 that the suspects had fled.', '2018-07-29', '2018-07-29', null, 1, 'chrono'],
  ['Since Feb. 7, the capital has been calm.', 'Feb. 7', '2018-02-07', null, 1, 'day-month-past'],
  ['KABUL, JULY 30 (Wire) - A suicide bomber struck a ministry.', 'JULY 30', '2018-07-30', null, 1, 'day-month-past'],
];

const FRIDAY_ROWS: SingleRow[] = [
  ['A missile struck the station on Friday, killing at least 50 people.', 'Friday', '2022-04-08', null, 1, 'weekday-past'],
  ['Residents said the shelling intensified on Thursday.', 'Thursday', '2022-04-07', null, 1, 'weekday-past'],
  ['Officials said Saturday\'s strike hit a fuel depot.', 'Saturday', '2022-04-02', null, 1, 'weekday-past'],
  ['Russian forces withdrew from the area last week.', 'last week', '2022-03-28', '2022-04-03', 2, 'last-week'],
  ['Earlier this week, investigators found mass graves.', 'Earlier this week', '2022-04-04', '2022-04-07', 2, 'earlier-this-week'],
  // Seven days into the month: a week's span, so precision 2.
  ['Earlier this month, the city was encircled.', 'Earlier this month', '2022-04-01', '2022-04-07', 2, 'earlier-this-month'],
  ['Drones struck the port over the weekend.', 'the weekend', '2022-04-02', '2022-04-03', 2, 'weekend'],
  ['In March, the mayor urged residents to leave.', 'March', '2022-03-01', '2022-03-31', 3, 'month-past'],
  ['The offensive began on February 24.', 'February 24', '2022-02-24', null, 1, 'day-month-past'],
  ['Since the invasion in late February, millions have fled.', 'late February', '2022-02-21', '2022-02-28', 3, 'month-part'],
  ['Last month, the army pulled back from the capital.', 'Last month', '2022-03-01', '2022-03-31', 3, 'last-month'],
  ['The city was evacuated in December.', 'December', '2021-12-01', '2021-12-31', 3, 'month-past'],
  ['On Thursday, April 7, crowds gathered on the platform.', 'Thursday, April 7', '2022-04-07', null, 1, 'day-month-past'],
  // Day first: 8 April, not August 4, which would lie after the publication date.
  ['The statement was published on 08/04/2022 by the ministry.', '08/04/2022', '2022-04-08', null, 1, 'chrono'],
  ['The town fell two weeks ago.', 'two weeks ago', '2022-03-22', '2022-03-28', 2, 'ago'],
];

/** Dates in future-tense text: found, but marked so they never date a reported event. */
const FUTURE_ROWS: Array<[anchor: string, row: SingleRow]> = [
  [TUESDAY, ['Talks will resume on Thursday in Geneva.', 'Thursday', '2018-08-02', null, 1, 'weekday-future']],
  [TUESDAY, ['On Thursday, the two delegations will meet again.', 'Thursday', '2018-08-02', null, 1, 'weekday-future']],
  [TUESDAY, ['The envoy is due to arrive next Monday.', 'next Monday', '2018-08-06', null, 1, 'weekday-future']],
  [TUESDAY, ['Foreign troops would be out by September 11.', 'September 11', '2018-09-11', null, 1, 'day-month-future']],
  [TUESDAY, ['Elections will be held in May.', 'May', '2019-05-01', '2019-05-31', 3, 'month-future']],
  [TUESDAY, ['The talks are planned for next week.', 'next week', '2018-08-06', '2018-08-12', 2, 'next-week']],
  [TUESDAY, ['The envoy will visit the camp tomorrow.', 'tomorrow', '2018-08-01', null, 1, 'tomorrow']],
  [FRIDAY, ['Leaders will meet this weekend in Brussels.', 'this weekend', '2022-04-09', '2022-04-10', 2, 'this-weekend']],
];

/** What the text stated, kept apart from what the anchor implied. */
const KNOWN_ROWS: Array<[text: string, known: string[]]> = [
  ['Fighters were cornered on Tuesday.', ['weekday']],
  ['Fighters were cornered last Tuesday.', ['weekday', 'relative']],
  ['The talks began yesterday.', ['relative']],
  ['A rampage on July 25 left 250 dead.', ['month', 'day']],
  ['A man walks past ruins on March 16, 2017.', ['year', 'month', 'day']],
  ['Fighting began in May.', ['month']],
  ['The bombing in October 2017 killed hundreds.', ['year', 'month']],
  ['On Thursday, April 7, crowds gathered.', ['month', 'day', 'weekday']],
];

describe('findDates: single dates and spans', () => {
  const tables: Array<[string, string, SingleRow[]]> = [
    ['weekdays resolve to the latest such day on or before the anchor', TUESDAY, WEEKDAYS_TUESDAY],
    ['days relative to the anchor', TUESDAY, RELATIVE_DAYS_TUESDAY],
    ['weeks, weekends and months relative to the anchor', TUESDAY, PERIODS_TUESDAY],
    ['months without a day, never after the anchor', TUESDAY, MONTHS_TUESDAY],
    ['days of a month', TUESDAY, DAY_MONTHS_TUESDAY],
    ['an anchor on a Friday', FRIDAY, FRIDAY_ROWS],
  ];
  for (const [title, anchor, rows] of tables) {
    it(title, () => {
      for (const row of rows) assertSingle(anchor, row);
    });
  }

  it('marks dates in future-tense text as future', () => {
    for (const [anchor, row] of FUTURE_ROWS) assertSingle(anchor, row, true);
  });

  it('lists only what the text stated as known', () => {
    for (const [text, known] of KNOWN_ROWS) {
      const found = findDates(text, TUESDAY);
      assert.equal(found.length, 1, describeFound(text, found));
      assert.deepEqual(found[0]!.known, known, text);
    }
  });
});

describe('findDates: several dates and ranges', () => {
  it('returns every date in a passage, sorted by start', () => {
    const text =
      'Dozens of fighters were cornered on Tuesday after losing ground. They were using 30 hostages ' +
      'taken last week as a bargaining chip. In May, others were bussed out of a camp.';
    const found = findDates(text, TUESDAY);
    assert.deepEqual(
      found.map((d) => text.slice(d.start, d.end)),
      ['Tuesday', 'last week', 'May'],
    );
    assert.deepEqual(found.map((d) => d.start), [...found.map((d) => d.start)].sort((a, b) => a - b));
  });

  it('searches only inside the given ranges, with offsets into the whole text', () => {
    const caption = 'A man rides past ruins on March 16, 2017. / PHOTO';
    const prose = 'Fighters attacked the village on Tuesday.';
    const text = `${caption}\n\n${prose}`;
    const start = text.indexOf(prose);
    const found = findDates(text, TUESDAY, [{ start, end: start + prose.length }]);
    assert.equal(found.length, 1, describeFound(text, found));
    assert.equal(text.slice(found[0]!.start, found[0]!.end), 'Tuesday');
    assert.equal(findDates(text, TUESDAY).length, 2);
  });

  it('does not read a date across two ranges', () => {
    const text = 'The siege ended on Tuesday. July 25 was the worst day.';
    const split = text.indexOf('July');
    const found = findDates(text, TUESDAY, [
      { start: 0, end: split - 1 },
      { start: split, end: text.length },
    ]);
    assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['Tuesday', 'July 25']);
  });

  it('returns nothing for empty ranges and rejects an anchor that is not a date', () => {
    assert.deepEqual(findDates('Fighting resumed on Tuesday.', TUESDAY, []), []);
    assert.throws(() => findDates('on Tuesday', '31/07/2018'), /not a publication date/);
    assert.throws(() => findDates('on Tuesday', '2018-02-30'), /not a publication date/);
  });
});
