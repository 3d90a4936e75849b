/**
 * A generic phrase matcher over tokens (compromise's lexicon idea, spaCy's PhraseMatcher
 * shape): compiled patterns are indexed by the forms and lemmas their first position accepts,
 * so each token costs two map look-ups; only the few patterns indexed under it are tried.
 * The matcher knows nothing of events: entries are opaque payloads carried through.
 */
import type { Token } from '../types.js';
import { compilePattern, createCompileCache, formBit, type CompileCache, type PositionStep, type Step } from './pattern.js';
import { anchorOf, bitsAt, mayMatch, mayMatchAnchor, tokenBits, type Anchor, type TokenBits } from './prefilter.js';
import { createKeyFilter, mayHaveKey, type KeyFilter } from './key-filter.js';

export interface IndexedPattern<E> {
  source: string;
  steps: readonly Step[];
  entry: E;
  priority: number;
  /** Entry order in the lexicon file: the last tie-breaker, so results are deterministic. */
  order: number;
  /** The test that rules out most failing tries cheaply (prefilter.ts). */
  anchor: Anchor;
  /** The first position's token classes as bits (0 when it has none). */
  firstClasses: number;
}

/**
 * The patterns indexed under one form or lemma, with their anchors beside them in one typed
 * array (mask, gap, mask, gap, …): most tries fail the prefilter, which then reads a few
 * compact numbers instead of a pattern object and its anchor, scattered over the heap.
 */
export interface PatternGroup<E> {
  patterns: readonly IndexedPattern<E>[];
  anchors: Int32Array;
}

export interface PatternIndex<E> {
  byNorm: ReadonlyMap<string, PatternGroup<E>>;
  byLemma: ReadonlyMap<string, PatternGroup<E>>;
  /** Patterns whose first position is a token class (#num, ...): tried at every token. */
  byClass: readonly IndexedPattern<E>[];
  size: number;
  /** Filters over the keys of `byNorm` and `byLemma` (key-filter.ts). */
  normKeys: KeyFilter;
  lemmaKeys: KeyFilter;
}

export interface PatternSource<E> {
  entry: E;
  patterns: readonly string[];
  priority: number;
  /** Names the source in error messages ("entry \"air-strike\""). */
  label?: string;
}

export interface Match<E> {
  pattern: IndexedPattern<E>;
  /** Token indexes of the first and last matched tokens. */
  first: number;
  last: number;
  /** Tokens the pattern's positions took (not gap tokens): overlap is judged on these. */
  covered: number[];
}

export function buildIndex<E>(sources: readonly PatternSource<E>[]): PatternIndex<E> {
  const byNorm = new Map<string, IndexedPattern<E>[]>();
  const byLemma = new Map<string, IndexedPattern<E>[]>();
  const byClass: IndexedPattern<E>[] = [];
  let size = 0;
  const cache = createCompileCache();
  sources.forEach((source, order) => {
    for (const text of source.patterns) {
      for (const steps of compileOrExplain(text, source.label, cache)) {
        const first = steps[0] as PositionStep;
        const pattern: IndexedPattern<E> = {
          source: text, steps, entry: source.entry, priority: source.priority, order, anchor: anchorOf(steps), firstClasses: stepClassBits(first),
        };
        for (const norm of first.norms) push(byNorm, norm, pattern);
        for (const lemma of first.lemmas) push(byLemma, lemma, pattern);
        if (first.classes.size > 0) byClass.push(pattern);
        size++;
      }
    }
  });
  return {
    byNorm: groupsOf(byNorm), byLemma: groupsOf(byLemma), byClass, size,
    normKeys: createKeyFilter(byNorm.keys()), lemmaKeys: createKeyFilter(byLemma.keys()),
  };
}

function groupsOf<E>(lists: Map<string, IndexedPattern<E>[]>): Map<string, PatternGroup<E>> {
  const groups = new Map<string, PatternGroup<E>>();
  for (const [key, patterns] of lists) {
    groups.set(key, { patterns, anchors: Int32Array.from(patterns.flatMap((p) => [p.anchor.mask, p.anchor.gap])) });
  }
  return groups;
}

function compileOrExplain(text: string, label: string | undefined, cache: CompileCache): Step[][] {
  try {
    return compilePattern(text, cache);
  } catch (err) {
    throw new Error(label ? `${label}: ${(err as Error).message}` : (err as Error).message);
  }
}

function push<E>(map: Map<string, IndexedPattern<E>[]>, key: string, pattern: IndexedPattern<E>): void {
  const list = map.get(key);
  if (list) list.push(pattern);
  else map.set(key, [pattern]);
}

const NUMBER_WORDS = new Set(
  ('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen ' +
    'eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand dozen dozens ' +
    'hundreds thousands scores tens several')
    .split(' '),
);

/** `bits` are the token's (`bitsAt`): when they miss the step's forms, neither set can hold the token's form or lemma. */
function accepts(step: PositionStep, token: Token, bits: number): boolean {
  if ((step.forms & bits) !== 0) {
    if (step.norms.has(token.norm)) return true;
    // Lemmas are among the forms (pattern.ts), so a token whose lemma is its form was answered above.
    if (token.lemma !== token.norm && step.lemmas.size > 0 && step.lemmas.has(token.lemma)) return true;
  }
  return acceptsClass(step, token);
}

/** True when the token is of one of the position's classes (#num, #year, #propn, #verb). */
function acceptsClass(step: PositionStep, token: Token): boolean {
  if (step.classes.size === 0) return false;
  for (const cls of step.classes) {
    if (cls === 'num' && (token.pos === 'NUM' || isDigit(token.norm, 0) || NUMBER_WORDS.has(token.norm))) return true;
    if (cls === 'year' && isYear(token.norm)) return true;
    if (cls === 'propn' && token.pos === 'PROPN') return true;
    if (cls === 'verb' && (token.pos === 'VERB' || token.pos === 'AUX')) return true;
  }
  return false;
}

const CLASS_BITS: Readonly<Record<string, number>> = { num: 1, year: 2, propn: 4, verb: 8 };

/** The classes of a position as bits (`classBitsOf` of a token), for the patterns tried at every token. */
function stepClassBits(step: PositionStep): number {
  let bits = 0;
  for (const cls of step.classes) bits |= CLASS_BITS[cls] ?? 0;
  return bits;
}

/** The token's classes as bits: what `acceptsClass` asks of it, worked out once per token. */
function classBitsOf(token: Token): number {
  return (
    (token.pos === 'NUM' || isDigit(token.norm, 0) || NUMBER_WORDS.has(token.norm) ? 1 : 0) |
    (isYear(token.norm) ? 2 : 0) |
    (token.pos === 'PROPN' ? 4 : 0) |
    (token.pos === 'VERB' || token.pos === 'AUX' ? 8 : 0)
  );
}

/** True when `text[at]` is an ASCII digit (what `\d` means without the `u` flag). */
function isDigit(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 48 && code <= 57;
}

/** /^(19|20)\d\d$/ without a regex: this runs for every token a #year position meets. */
function isYear(norm: string): boolean {
  if (norm.length !== 4 || !isDigit(norm, 2) || !isDigit(norm, 3)) return false;
  return (norm[0] === '1' && norm[1] === '9') || (norm[0] === '2' && norm[1] === '0');
}

/** Tries steps[k..] from token j; returns the last token taken, or -1. `picked` is a stack. */
function matchFrom(steps: readonly Step[], k: number, tokens: readonly Token[], bits: TokenBits, j: number, end: number, picked: number[]): number {
  if (k === steps.length) return picked[picked.length - 1] ?? -1;
  const step = steps[k] as Step;
  if (step.kind === 'gap') {
    for (let g = 0; g <= step.max && j + g <= end; g++) {
      const last = matchFrom(steps, k + 1, tokens, bits, j + g, end, picked);
      if (last >= 0) return last;
    }
    return -1;
  }
  // Hyphens are transparent: "air-strike" may come as "air", "-", "strike".
  let t = j;
  if (!step.takesHyphen) while (t < end && (tokens[t] as Token).norm === '-') t++;
  if (t < end && accepts(step, tokens[t] as Token, bitsAt(bits, t))) {
    picked.push(t);
    const last = matchFrom(steps, k + 1, tokens, bits, t + 1, end, picked);
    if (last >= 0) return last;
    picked.pop();
  }
  return step.optional ? matchFrom(steps, k + 1, tokens, bits, j, end, picked) : -1;
}

/** Every match that starts inside tokens [from, end) and ends before `end`. Overlaps included. */
export function findMatches<E>(index: PatternIndex<E>, tokens: readonly Token[], from: number, end: number): Match<E>[] {
  const at: TryContext<E> = { tokens, end, bits: tokenBits(tokens, from, end), picked: [], matches: [] };
  const byClass = index.byClass;
  for (let i = from; i < end; i++) {
    const token = tokens[i] as Token;
    const fromNorm = mayHaveKey(index.normKeys, token.norm) ? index.byNorm.get(token.norm) : undefined;
    if (fromNorm !== undefined) {
      for (let k = 0; k < fromNorm.patterns.length; k++) {
        const anchors = fromNorm.anchors;
        if (mayMatchAnchor(anchors[2 * k] as number, anchors[2 * k + 1] as number, tokens, at.bits, i, end)) tryFrom(fromNorm.patterns[k] as IndexedPattern<E>, i, at);
      }
    }
    // A pattern reached through both its form and its lemma is tried once. A first position
    // that takes a lemma also takes it as a written form, so when the token's form is its
    // lemma, every pattern under the lemma was already tried under the form.
    const fromLemma = token.lemma === token.norm || !mayHaveKey(index.lemmaKeys, token.lemma) ? undefined : index.byLemma.get(token.lemma);
    if (fromLemma !== undefined) {
      const normBit = formBit(token.norm);
      for (let k = 0; k < fromLemma.patterns.length; k++) {
        const anchors = fromLemma.anchors;
        if (!mayMatchAnchor(anchors[2 * k] as number, anchors[2 * k + 1] as number, tokens, at.bits, i, end)) continue;
        const pattern = fromLemma.patterns[k] as IndexedPattern<E>;
        const first = firstOf(pattern);
        if ((first.forms & normBit) === 0 || !first.norms.has(token.norm)) tryFrom(pattern, i, at);
      }
    }
    if (byClass.length === 0) continue;
    const tokenClasses = classBitsOf(token);
    if (tokenClasses === 0) continue;
    for (let k = 0; k < byClass.length; k++) {
      const pattern = byClass[k] as IndexedPattern<E>;
      if ((pattern.firstClasses & tokenClasses) === 0) continue;
      const first = firstOf(pattern);
      // Forms and lemmas were tried above; only the classes are left to take the token.
      if ((first.norms.size > 0 && first.norms.has(token.norm)) || (first.lemmas.size > 0 && first.lemmas.has(token.lemma))) continue;
      tryAt(pattern, i, at);
    }
  }
  return at.matches;
}

/** What every try in one sentence shares. */
interface TryContext<E> {
  tokens: readonly Token[];
  end: number;
  bits: TokenBits;
  picked: number[];
  matches: Match<E>[];
}

/** Tries one pattern whose first position took token `i`; a match is added to `at.matches`. */
function tryAt<E>(pattern: IndexedPattern<E>, i: number, at: TryContext<E>): void {
  if (mayMatch(pattern.anchor, at.tokens, at.bits, i, at.end)) tryFrom(pattern, i, at);
}

/** `tryAt` for a pattern whose prefilter already passed. */
function tryFrom<E>(pattern: IndexedPattern<E>, i: number, at: TryContext<E>): void {
  const picked = at.picked;
  picked.length = 0;
  picked.push(i);
  const last = matchFrom(pattern.steps, 1, at.tokens, at.bits, i + 1, at.end, picked);
  if (last >= 0) at.matches.push({ pattern, first: i, last, covered: picked.slice() });
}

function spanWidth<E>(m: Match<E>, tokens: readonly Token[]): number {
  return (tokens[m.last] as Token).end - (tokens[m.first] as Token).start;
}

function firstOf<E>(pattern: IndexedPattern<E>): PositionStep {
  return pattern.steps[0] as PositionStep;
}

/**
 * How a shorter match fares against a longer one: 'nested' drops it only when the longer one
 * took all its words (triggers); 'any' drops it when they share a word (status cues, where a
 * neutral shield such as "it is not clear" must silence the negation inside it).
 */
export type OverlapRule = 'nested' | 'any';

/**
 * Longest match wins: matches are taken longest first (more matched tokens, then the wider
 * span, then the higher priority, then the earlier entry), and a match is dropped when every
 * token it matched is already taken ("tear gas" inside "fired tear gas", "drone" inside "drone
 * footage"). A match that crosses a longer one but adds words of its own survives ("chemical
 * attack" beside "attack on a rebel-held town"), and so does one inside another's gap
 * ("attacked the village with grenades" keeps "grenades"): the coder sees both. With
 * `overlap = 'any'` a shared word is enough to lose.
 */
export function longestMatches<E>(matches: readonly Match<E>[], tokens: readonly Token[], overlap: OverlapRule = 'nested'): Match<E>[] {
  if (matches.length < 2) return matches.slice();
  const ranked = matches.slice().sort(
    (a, b) =>
      b.covered.length - a.covered.length ||
      spanWidth(b, tokens) - spanWidth(a, tokens) ||
      b.pattern.priority - a.pattern.priority ||
      a.pattern.order - b.pattern.order ||
      a.first - b.first,
  );
  const taken = new Set<number>();
  const kept: Match<E>[] = [];
  for (const match of ranked) {
    const loses = overlap === 'nested' ? match.covered.every((t) => taken.has(t)) : match.covered.some((t) => taken.has(t));
    if (loses) continue;
    for (const t of match.covered) taken.add(t);
    kept.push(match);
  }
  return kept.sort((a, b) => a.first - b.first || a.last - b.last);
}
