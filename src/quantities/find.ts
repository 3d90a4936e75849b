/**
 * All counts of people in one sentence: figures with bounds, denials ("no one was killed") and
 * single people named with an article, each typed by its nearest cue.
 */
import type { CountMention, Span } from '../types.js';
import type { CountMatcher } from './lexicon.js';
import { findCues, nearestCue, type Cue } from './cues.js';
import { findArticleCounts, findZeroCounts } from './implicit.js';
import { scanQuantities, type Quantity } from './numbers.js';
import { peopleTail, rejectedBefore, type PeopleTail } from './people.js';

function overlaps(a: Span, spans: readonly Span[]): boolean {
  return spans.some((b) => a.start < b.end && b.start < a.end);
}

/** A bare year-like figure ("2014") counts people only with the head right after it ("1500 people"). */
function yearTooLoose(text: string, q: Quantity, tail: PeopleTail): boolean {
  return q.yearLike && !(tail.via === 'head' && /^\s+\p{L}+$/u.test(text.slice(q.end, tail.end)));
}

interface Found {
  q: Quantity;
  tail: PeopleTail;
}

function peopleCounts(text: string, sentence: Span, m: CountMatcher, quantities: readonly Quantity[], cues: readonly Cue[], skip: readonly Span[]): Found[] {
  const found: Found[] = [];
  for (const q of quantities) {
    if (overlaps(q, skip) || rejectedBefore(text, q, sentence, m)) continue;
    const tail = peopleTail(text, q, sentence, m, cues, found.length > 0);
    if (tail && !yearTooLoose(text, q, tail)) found.push({ q, tail });
  }
  return found;
}

/** Reads the sentence's cues once, and only when a figure or an article count needs them. */
class LazyCues {
  private cues: Cue[] | null = null;
  constructor(
    private readonly text: string,
    private readonly sentence: Span,
    private readonly m: CountMatcher,
  ) {}

  get(): Cue[] {
    return (this.cues ??= findCues(this.text, this.sentence, this.m));
  }

  /** The cues if they were read, else none. */
  read(): Cue[] {
    return this.cues ?? [];
  }
}

export function findCountsWith(text: string, sentence: Span, m: CountMatcher): CountMention[] {
  // Cues are read only for sentences that hold a figure or an article count: most hold neither.
  const cues = new LazyCues(text, sentence, m);
  const zeros = findZeroCounts(text, sentence, m);
  const quantities = scanQuantities(text, sentence, m);
  // Most sentences hold no figure and no denial: only article counts can be left.
  if (zeros.length === 0 && quantities.length === 0) return findArticleCounts(text, sentence, m, cues);
  const found = quantities.length > 0 ? peopleCounts(text, sentence, m, quantities, cues.get(), zeros) : [];
  const mentions = typedMentions(text, found, cues.read());
  const taken = [...zeros, ...mentions];
  const articles = findArticleCounts(text, sentence, m, cues).filter((a) => !overlaps(a, taken));
  return [...taken, ...articles].sort((a, b) => a.start - b.start);
}

function typedMentions(text: string, found: Found[], cues: Cue[]): CountMention[] {
  if (found.length === 0) return [];
  const spans = found.map(({ q, tail }) => ({ start: q.start, end: tail.end }));
  // A cue inside a count ("17 injured people") belongs to that count alone.
  const owner = cues.map((c) => spans.findIndex((s) => c.start >= s.start && c.end <= s.end));
  return found.map(({ q, tail }, i) => {
    const span = spans[i]!;
    let free = cues.filter((_, k) => owner[k] === -1 || owner[k] === i);
    // "Casualties" are dead and wounded together: typed only as wounded, and only when the
    // sentence says so, since ACLED never counts casualties as deaths.
    if (/casualties$/i.test(text.slice(span.start, span.end))) free = free.filter((c) => c.kind === 'injured');
    const cue = tail.cue ?? nearestCue(text, span, free);
    return {
      start: span.start,
      end: span.end,
      kind: cue?.kind ?? null,
      low: q.low,
      high: q.high,
      cue: cue ? { start: cue.start, end: cue.end } : null,
      rule: `${q.rule}/${tail.via}`,
    };
  });
}
