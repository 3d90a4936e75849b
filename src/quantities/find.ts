/**
 * All counts of people in one sentence: figures with bounds, denials ("no one was killed") and
 * single people named without a figure, each typed by its cue. People told together ("six
 * soldiers and three militants were killed") are one count, their figures added up, as ACLED
 * adds up the dead of every side of one event.
 */
import type { CountKind, CountMention, Span } from '../types.js';
import type { CountMatcher } from './lexicon.js';
import { findCues, nearestCue, type Cue } from './cues.js';
import { findZeroCounts } from './zeros.js';
import { findSingles } from './singles.js';
import { findTollStatements } from './toll-statements.js';
import { AND_GAP, groupsOf, groupsOfOthers, isAgent, type Member } from './groups.js';
import { scanQuantities, type Quantity } from './numbers.js';
import { isOpenModifier, peopleTail, rejectedBefore, type PeopleTail } from './people.js';
import { isCapitalised, isWordLike, wordsAfter } from './words.js';

/**
 * Text order. The lists are joined with `concat`, not spread: spreading lists that are sometimes
 * empty (another array shape to V8) made the optimised code of this module deoptimise again and again.
 */
const byStart = (a: Span, b: Span): number => a.start - b.start;

function overlaps(a: Span, spans: readonly Span[]): boolean {
  return spans.some((b) => a.start < b.end && b.start < a.end);
}

/** A bare year-like figure ("2014") counts people only with the head right after it ("1500 people"). */
function yearTooLoose(text: string, q: Quantity, tail: PeopleTail): boolean {
  return q.yearLike && !(tail.via === 'head' && /^\s+\p{L}+$/u.test(text.slice(q.end, tail.end)));
}


function peopleCounts(text: string, sentence: Span, m: CountMatcher, quantities: readonly Quantity[], cues: readonly Cue[], skip: readonly Span[]): Member[] {
  const found: Member[] = [];
  for (const q of quantities) {
    if (overlaps(q, skip) || rejectedBefore(text, q, sentence, m)) continue;
    const previous = found[found.length - 1];
    const tail = peopleTail(text, q, sentence, m, cues, found.length > 0) ?? (previous ? coordinatedTail(text, q, previous, sentence, m) : null);
    if (!tail || yearTooLoose(text, q, tail)) continue;
    const span = { start: q.start, end: tail.end };
    // A cue inside a count ("17 injured people", "5 dead") belongs to that count alone.
    const inside = cues.filter((c) => c.start >= span.start && c.end <= span.end);
    const own = tail.cue ? [tail.cue, ...tail.also] : inside.slice(0, 1);
    found.push(member(span.start, span.end, q.low, q.high, own, `${q.rule}/${tail.via}`, false, false));
  }
  return found.concat(leadingCoordinates(text, sentence, m, quantities, found, skip)).sort(byStart);
}

/**
 * "Two KLF and nine civilians were killed": a figure whose nouns the lists lack, joined
 * by "and" to a count of people right after it, counts people too.
 */
function leadingCoordinates(text: string, sentence: Span, m: CountMatcher, quantities: readonly Quantity[], found: readonly Member[], skip: readonly Span[]): Member[] {
  const extra: Member[] = [];
  for (const q of quantities) {
    if (q.yearLike || q.vague || overlaps(q, [...skip, ...found]) || rejectedBefore(text, q, sentence, m)) continue;
    const words = wordsAfter(text, q.end, sentence.end, 4);
    let i = 0;
    while (i < 3 && words[i] && isWordLike(words[i]!) && !m.rejectAfter.has(words[i]!.norm) && (isCapitalised(words[i]!.text) || isOpenModifier(words[i]!, m))) i++;
    if (i === 0) continue;
    const end = words[i - 1]!.end;
    const next = found.find((f) => f.start >= end);
    if (next && AND_GAP.test(text.slice(end, next.start))) extra.push(member(q.start, end, q.low, q.high, [], `${q.rule}/coordinated`, false, false));
  }
  return extra;
}

/**
 * "the death of 4 ULF and 2 rangers": a figure joined by "and" to a count of people counts
 * people too, whatever nouns the lists lack; it takes that count's cue in the group.
 */
function coordinatedTail(text: string, q: Quantity, previous: Member, sentence: Span, m: CountMatcher): PeopleTail | null {
  if (q.yearLike || !AND_GAP.test(text.slice(previous.end, q.start))) return null;
  const words = wordsAfter(text, q.end, sentence.end, 5);
  let i = 0;
  while (i < 3 && words[i] && isWordLike(words[i]!) && (isCapitalised(words[i]!.text) || isOpenModifier(words[i]!, m))) i++;
  const follower = words[i];
  if (i === 0 || (follower && isWordLike(follower) && !/^(?:in|on|at|near|during|and|while|when|after|before|were|was|had|have)$/i.test(follower.text))) return null;
  if (words.slice(0, i).some((w) => m.rejectAfter.has(w.norm))) return null;
  return { end: words[i - 1]!.end, via: 'coordinated', cue: null, also: [] };
}

/** Every member is built here with all its fields, so that members share one shape. */
function member(start: number, end: number, low: number, high: number | null, own: Cue[], rule: string, single: boolean, loose: boolean): Member {
  return { start, end, low, high, own, rule, single, loose };
}

/** Reads the sentence's cues once, and only when a figure or a single person needs them. */
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
  // Cues are read only for sentences that hold a figure or a singular noun: most hold neither.
  const cues = new LazyCues(text, sentence, m);
  const zeros = findZeroCounts(text, sentence, m);
  const quantities = scanQuantities(text, sentence, m);
  const figures = quantities.length > 0 ? peopleCounts(text, sentence, m, quantities, cues.get(), zeros) : [];
  const singles: Member[] = [];
  const found = findSingles(text, sentence, m, cues);
  if (found.length > 0) {
    // "a couple were killed": a number phrase, read as a figure or not at all.
    const taken: Span[] = [...zeros, ...figures, ...quantities.filter((q) => q.vague || /^an?\s/i.test(q.word))];
    for (const s of found) if (!overlaps(s, taken)) singles.push(member(s.start, s.end, 1, 1, s.cues, 'count/article', true, s.loose));
  }
  const tolls = quantities.length > 0 ? findTollStatements(text, sentence, quantities) : [];
  if (figures.length === 0 && singles.length === 0) return zeros.concat(tolls).sort(byStart);
  const members = figures.concat(singles).sort(byStart);
  const mentions = groupsOf(text, members)
    .flatMap((group) => typedGroup(text, sentence, group, groupsOfOthers(group, members), cues.read()))
    // A toll statement types its figure; the ordinary reading of the same figure gives way.
    .filter((m) => !tolls.some((t) => m.start < t.end && t.start < m.end));
  return zeros.concat(tolls, mentions).sort(byStart);
}

/** The farthest a passive predicate may stand from a subject that opens its clause. */
const MAX_SUBJECT_DISTANCE = 250;

/**
 * "The 11 Kenyans and one Ugandan working for the road contractor, including two women, were
 * abducted": a count that opens its clause is the subject of the first predicate after it,
 * however long the words between, when that predicate takes no object of its own.
 */
function subjectCue(text: string, sentence: Span, span: Span, cues: readonly Cue[], others: readonly Member[]): Cue | null {
  const before = text.slice(sentence.start, span.start);
  if (!/(?:^|[,;:(]\s*)(?:(?:the|all|some)\s+)?$/i.test(before)) return null;
  const next = cues.filter((c) => c.start >= span.end && c.role === 'event').sort((a, b) => a.start - b.start)[0];
  if (!next || next.start - span.end > MAX_SUBJECT_DISTANCE || (next.transitive && !next.backwardOnly)) return null;
  if (/[;:—.]/.test(text.slice(span.end, next.start))) return null;
  if (others.some((o) => o.own.length > 0 && o.start >= span.end && o.end <= next.start)) return null;
  return next;
}

function typedGroup(text: string, sentence: Span, group: readonly Member[], others: readonly Member[], cues: readonly Cue[]): CountMention[] {
  const first = group[0]!;
  const last = group[group.length - 1]!;
  const span = { start: first.start, end: last.end };
  const agent = group.length === 1 && isAgent(text, first);
  let typing: Cue[] = group.find((m) => m.own.length > 0)?.own ?? [];
  if (typing.length === 0 && !agent && group.some((m) => !m.single)) {
    // Cues inside another count belong to that count alone.
    let free = cues.filter((c) => !others.some((o) => c.start >= o.start && c.end <= o.end));
    // "Casualties" are dead and wounded together: typed only as wounded, and only when the
    // sentence says so, since ACLED never counts casualties as deaths.
    if (/casualties$/i.test(text.slice(span.start, span.end))) free = free.filter((c) => c.kind === 'injured');
    const cue = nearestCue(text, span, free) ?? subjectCue(text, sentence, span, free, others);
    if (cue) typing = [cue];
  }
  if (typing.length === 0) {
    // A figure no cue types is still told (the stage records it untyped); a single person is not.
    return group.filter((m) => !m.single).map((m) => mention(m, m, null, m.rule));
  }
  // "were killed and wounded": dead and wounded together are casualties, never a death toll.
  if (typing.some((c) => c.kind === 'killed') && typing.some((c) => c.kind === 'injured')) typing = typing.filter((c) => c.kind !== 'killed' && c.kind !== 'injured');
  if (typing.length === 0) return group.filter((m) => !m.single).map((m) => mention(m, m, null, m.rule));
  const seen = new Set<CountKind>();
  const out: CountMention[] = [];
  for (const cue of typing) {
    if (seen.has(cue.kind)) continue;
    seen.add(cue.kind);
    // A loose member ("his co-pilot") is a person only for killing or wounding.
    const counted = cue.kind === 'killed' || cue.kind === 'injured' ? group : group.filter((m) => !m.loose);
    if (counted.length === 0) continue;
    const total = {
      low: counted.reduce((sum, m) => sum + m.low, 0),
      high: counted.every((m) => m.high !== null) ? counted.reduce((sum, m) => sum + (m.high ?? 0), 0) : null,
    };
    const within = { start: counted[0]!.start, end: counted[counted.length - 1]!.end };
    out.push(mention(within, total, cue, counted.length > 1 ? 'count/sum' : counted[0]!.rule));
  }
  return out;
}

function mention(span: Span, value: { low: number; high: number | null }, cue: Cue | null, rule: string): CountMention {
  return {
    start: span.start,
    end: span.end,
    kind: cue?.kind ?? null,
    low: value.low,
    high: value.high,
    cue: cue ? { start: cue.start, end: cue.end } : null,
    rule,
  };
}
