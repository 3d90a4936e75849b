import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDoc } from '../doc.js';
import type { Doc, Sentence, SkipRegion } from '../types.js';
import type { FoundDate } from './find-dates.js';
import { createDateStage, proseRanges } from './index.js';

/** A Doc as the segment stage would leave it: one sentence per line. */
function docOf(text: string, published: string | null, skip: SkipRegion[] = []): Doc {
  const doc = createDoc(text, { published });
  let offset = 0;
  doc.sentences = text.split('\n').map((line): Sentence => {
    const sentence = { start: offset, end: offset + line.length, firstToken: 0, endToken: 0, headline: false };
    offset += line.length + 1;
    return sentence;
  });
  doc.skip = skip;
  return doc;
}

const CAPTION = 'A man rides past damaged buildings on March 16, 2017. / AFP PHOTO';
const TEXT = [
  'Fighters were cornered in a pocket of the province on Tuesday, a monitor said.',
  CAPTION,
  'They took 30 hostages last week. In May, others were bussed out of a camp.',
].join('\n');
const captionSkip: SkipRegion = { start: TEXT.indexOf(CAPTION), end: TEXT.indexOf(CAPTION) + CAPTION.length, kind: 'caption', rule: 'test' };

const found = (doc: Doc): FoundDate[] => doc.dates;
const spans = (doc: Doc): string[] => found(doc).map((d) => doc.text.slice(d.start, d.end));

describe('createDateStage', () => {
  const stage = createDateStage({ today: () => '2020-01-15' });

  it('declares what it needs and provides', () => {
    assert.equal(stage.name, 'dates');
    assert.deepEqual(stage.requires, ['sentences', 'skip']);
    assert.deepEqual(stage.provides, ['dates']);
  });

  it('dates the prose against the publication date and skips captions', () => {
    const doc = stage.run(docOf(TEXT, '2018-07-31', [captionSkip]));
    assert.deepEqual(spans(doc), ['Tuesday', 'last week', 'May']);
    assert.deepEqual(found(doc).map((d) => d.date), ['2018-07-31', '2018-07-23', '2018-05-01']);
    assert.deepEqual(doc.warnings, []);
    assert.deepEqual(doc.trace, ['dates: 3 found, anchor 2018-07-31 (published)']);
  });

  it('falls back to the dateline date and warns that it guessed', () => {
    const doc = docOf(TEXT, null, [captionSkip]);
    doc.dateline = { start: 0, end: 0, place: 'BEIRUT', date: '2018-08-02', rule: 'test' };
    stage.run(doc);
    assert.equal(found(doc)[0]?.date, '2018-07-31'); // Tuesday before Thursday 2 August
    assert.equal(doc.warnings.length, 1);
    assert.match(doc.warnings[0]!, /dateline.*2018-08-02.*guess/);
    assert.match(doc.trace[0]!, /anchor 2018-08-02 \(dateline\)/);
  });

  it("falls back to today's date when nothing else dates the article", () => {
    const doc = stage.run(docOf(TEXT, null, [captionSkip]));
    assert.equal(found(doc)[0]?.date, '2020-01-14'); // the Tuesday before Wednesday 15 January 2020
    assert.match(doc.warnings[0]!, /today's date \(2020-01-15\).*guess/);
  });

  it('reads the caption when no region is skipped', () => {
    const doc = stage.run(docOf(TEXT, '2018-07-31'));
    assert.deepEqual(spans(doc), ['Tuesday', 'March 16, 2017', 'last week', 'May']);
  });
});

describe('proseRanges', () => {
  it('cuts skipped regions out of sentences', () => {
    const sentences = [{ start: 0, end: 100, firstToken: 0, endToken: 0, headline: false }];
    const skip: SkipRegion[] = [
      { start: 60, end: 70, kind: 'caption', rule: 'test' },
      { start: 10, end: 20, kind: 'promo', rule: 'test' },
    ];
    assert.deepEqual(proseRanges({ sentences, skip }), [
      { start: 0, end: 10 },
      { start: 20, end: 60 },
      { start: 70, end: 100 },
    ]);
  });

  it('drops a sentence wholly inside a skipped region', () => {
    const sentences = [{ start: 5, end: 15, firstToken: 0, endToken: 0, headline: false }];
    assert.deepEqual(proseRanges({ sentences, skip: [{ start: 0, end: 20, kind: 'timestamp', rule: 'test' }] }), []);
  });
});
