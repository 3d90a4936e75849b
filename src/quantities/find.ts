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

export function findCountsWith(text: string, sentence: Span, m: CountMatcher): CountMention[] {
  // Cues are read only for sentences that hold a figure or an article count: most hold neither.
  const read: { cues: Cue[] | null } = { cues: null };
  const cuesOf = (): Cue[] => (read.cues ??= findCues(text, sentence, m));
  const zeros = findZeroCounts(text, sentence, m);
  const quantities = scanQuantities(text, sentence, m);
  const found = quantities.length > 0 ? peopleCounts(text, sentence, m, quantities, cuesOf(), zeros) : [];
  const spans = found.map(({ q, tail }) => ({ start: q.start, end: tail.end }));
  // A cue inside a count ("17 injured people") belongs to that count alone.
  const owner = (read.cues ?? []).map((c) => spans.findIndex((s) => c.start >= s.start && c.end <= s.end));
  const mentions: CountMention[] = found.map(({ q, tail }, i) => {
    const span = spans[i]!;
    let free = (read.cues ?? []).filter((_, k) => owner[k] === -1 || owner[k] === i);
    // "Casualties" are dead and wounded together: typed only as wounded, and only when the
    // sentence says so, since ACLED never counts casualties as deaths.
    if (/casualties$/i.test(text.slice(span.start, span.end))) free = free.filter((c) => c.kind === 'injured');
    const cue = tail.cue ?? nearestCue(text, span, free);
    return {
      ...span,
      kind: cue?.kind ?? null,
      low: q.low,
      high: q.high,
      cue: cue ? { start: cue.start, end: cue.end } : null,
      rule: `${q.rule}/${tail.via}`,
    };
  });
  const taken = [...zeros, ...mentions];
  const articles = findArticleCounts(text, sentence, m, cuesOf).filter((a) => !overlaps(a, taken));
  return [...taken, ...articles].sort((a, b) => a.start - b.start);
}
