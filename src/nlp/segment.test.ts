import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../doc.js';
import type { Doc, Headline, SkipRegion } from '../types.js';
import { createSegmentStage, proseSpans } from './index.js';

const stage = createSegmentStage();

function segment(text: string, skip: SkipRegion[] = [], headline: Headline | null = null): Doc {
  const doc = createDoc(text);
  doc.skip = skip;
  doc.headline = headline;
  return stage.run(doc);
}

const sentencesOf = (text: string): string[] => segment(text).sentences.map((s) => text.slice(s.start, s.end));

/** Every token is a non-blank slice, in order, never overlapping; sentences align with tokens. */
function assertWellFormed(doc: Doc): void {
  let previousEnd = 0;
  for (const token of doc.tokens) {
    const slice = doc.text.slice(token.start, token.end);
    assert.ok(token.start >= previousEnd && token.end > token.start, `token ${slice} out of order`);
    assert.ok(slice.trim() === slice && slice.length > 0, `token "${slice}" has edge spaces`);
    assert.equal(token.norm, slice.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'"));
    previousEnd = token.end;
  }
  for (const sentence of doc.sentences) {
    assert.equal(sentence.start, doc.tokens[sentence.firstToken]!.start);
    assert.equal(sentence.end, doc.tokens[sentence.endToken - 1]!.end);
    assert.ok(!doc.text.slice(sentence.start, sentence.end).includes('\n'), 'no sentence crosses a line break');
  }
}

test('sentences: abbreviations do not end sentences, full stops do', () => {
  const cases: Array<[string, string[]]> = [
    ['The U.S. military said Lt. Gen. Smith arrived at 5 p.m. on Jan. 5 in Deir ez-Zor. He left on Friday.',
      ['The U.S. military said Lt. Gen. Smith arrived at 5 p.m. on Jan. 5 in Deir ez-Zor.', 'He left on Friday.']],
    ['Forces of the S.D.F. entered Raqqa. At least 12 were killed, the U.N. said.',
      ['Forces of the S.D.F. entered Raqqa.', 'At least 12 were killed, the U.N. said.']],
    ['Rebels shelled al-Bab (pop. 60,000) vs. the army, approx. 40 km away. No one was hurt.',
      ['Rebels shelled al-Bab (pop. 60,000) vs. the army, approx. 40 km away.', 'No one was hurt.']],
    ['“We will not surrender,” said Col. Ahmed. “The enemy fled.” Three people died.',
      ['“We will not surrender,” said Col. Ahmed.', '“The enemy fled.”', 'Three people died.']],
    ['He lives in the U.S. The attack killed 3.', ['He lives in the U.S.', 'The attack killed 3.']],
    ['Sgt. Maj. John Smith and Gov. Babagana Zulum spoke. Resolution No. 2254 was cited.',
      ['Sgt. Maj. John Smith and Gov. Babagana Zulum spoke.', 'Resolution No. 2254 was cited.']],
    ['The blast happened at 2 a.m. The attack lasted an hour.', ['The blast happened at 2 a.m.', 'The attack lasted an hour.']],
    ['The strike killed 1,200 people, incl. children, the ministry said.', ['The strike killed 1,200 people, incl. children, the ministry said.']],
    // Negative cases: a dot that is a real full stop before a capitalised word still splits.
    ['Fighting spread to the capital. It was calm. Officials said 12 died.',
      ['Fighting spread to the capital.', 'It was calm.', 'Officials said 12 died.']],
    ['They met in Jan. The talks failed.', ['They met in Jan.', 'The talks failed.']],
  ];
  for (const [text, expected] of cases) assert.deepEqual(sentencesOf(text), expected, text);
});

test('sentences never cross a line or paragraph break', () => {
  const text = 'Gunmen kill 12 in raid\n\nGunmen killed 12 people on Saturday\nin a raid, officials said. The army\n\nresponded.';
  const doc = segment(text);
  assert.deepEqual(doc.sentences.map((s) => text.slice(s.start, s.end)), [
    'Gunmen kill 12 in raid',
    'Gunmen killed 12 people on Saturday',
    'in a raid, officials said.',
    'The army',
    'responded.',
  ]);
  assertWellFormed(doc);
});

test('tokens: exact offsets, POS, lemma and norm', () => {
  const text = 'Syria’s army killed 30 fighters near\u00a0Daraa, the monitor said — “they fled.”';
  const doc = segment(text);
  assertWellFormed(doc);
  const byText = new Map(doc.tokens.map((token) => [text.slice(token.start, token.end), token]));
  assert.equal(byText.get('killed')?.pos, 'VERB');
  assert.equal(byText.get('killed')?.lemma, 'kill');
  assert.equal(byText.get('fighters')?.lemma, 'fighter');
  assert.equal(byText.get('30')?.pos, 'NUM');
  assert.equal(byText.get('’s')?.norm, "'s");
  assert.equal(byText.get('Daraa')?.norm, 'daraa');
  assert.equal(byText.get('Daraa')?.lemma, 'daraa');
});

test('unusual characters keep offsets exact; invisible characters are not tokens', () => {
  const text = 'Fighters\u00a0killed 5 — 👍🏽 in دمشق and 北京市.\tTab\u200b here, $5m. Jesu\u0301s Dar‘ā 10-year-old co-op.';
  const doc = segment(text);
  assertWellFormed(doc);
  assert.ok(!doc.tokens.some((token) => /^[\s\u200b]+$/.test(text.slice(token.start, token.end))));
  assert.ok(doc.tokens.some((token) => text.slice(token.start, token.end) === 'دمشق'));
});

test('skip regions are neither tokenized nor split; a marked tail leaves the rest of the line', () => {
  const promo = 'JOIN THE LEDGER. Takes 2 seconds.';
  const body = 'Rebels took the town on Monday. The army denied it.';
  const credit = '(Reporting by Jane Doe; Editing by John Smith)';
  const text = `${promo}\n\n${body} ${credit}\n\nPlease comment below.`;
  const skip: SkipRegion[] = [
    { start: 0, end: promo.length, kind: 'promo', rule: 'test' },
    { start: text.indexOf(credit), end: text.indexOf(credit) + credit.length, kind: 'byline', rule: 'test' },
    { start: text.indexOf('Please'), end: text.length, kind: 'comment', rule: 'test' },
  ];
  const doc = segment(text, skip);
  assert.deepEqual(doc.sentences.map((s) => text.slice(s.start, s.end)), ['Rebels took the town on Monday.', 'The army denied it.']);
  assert.ok(doc.tokens.every((token) => !skip.some((region) => token.start < region.end && token.end > region.start)));
  assertWellFormed(doc);
});

test('sentences in the headline are marked', () => {
  const text = 'Gunmen kill 12 in raid on village\n\nGunmen killed 12 people, officials said.';
  const doc = segment(text, [], { start: 0, end: 33, rule: 'test' });
  assert.deepEqual(doc.sentences.map((s) => s.headline), [true, false]);
});

test('proseSpans: lines minus skip regions, trimmed', () => {
  const text = '  A line.  \nB line. TAIL\n\nC';
  const spans = proseSpans(text, [{ start: text.indexOf('TAIL'), end: text.indexOf('TAIL') + 4, kind: 'byline', rule: 'test' }]);
  assert.deepEqual(spans.map((span) => text.slice(span.start, span.end)), ['A line.', 'B line.', 'C']);
});

test('empty and blank documents', () => {
  for (const text of ['', '\n\n', '   ']) {
    const doc = segment(text);
    assert.deepEqual([doc.tokens, doc.sentences], [[], []]);
  }
});
