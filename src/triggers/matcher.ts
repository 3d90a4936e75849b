/**
 * A generic phrase matcher over tokens (compromise's lexicon idea, spaCy's PhraseMatcher
 * shape): compiled patterns are indexed by the forms and lemmas their first position accepts,
 * so each token costs two map look-ups; only the few patterns indexed under it are tried.
 * The matcher knows nothing of events: entries are opaque payloads carried through.
 */
import type { Token } from '../types.js';
import { compilePattern, type PositionStep, type Step } from './pattern.js';

export interface IndexedPattern<E> {
  source: string;
  steps: readonly Step[];
  entry: E;
  priority: number;
  /** Entry order in the lexicon file: the last tie-breaker, so results are deterministic. */
  order: number;
}

export interface PatternIndex<E> {
  byNorm: ReadonlyMap<string, readonly IndexedPattern<E>[]>;
  byLemma: ReadonlyMap<string, readonly IndexedPattern<E>[]>;
  /** Patterns whose first position is a token class (#num, ...): tried at every token. */
  byClass: readonly IndexedPattern<E>[];
  size: number;
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
  sources.forEach((source, order) => {
    for (const text of source.patterns) {
      for (const steps of compileOrExplain(text, source.label)) {
        const pattern: IndexedPattern<E> = { source: text, steps, entry: source.entry, priority: source.priority, order };
        const first = steps[0] as PositionStep;
        for (const norm of first.norms) push(byNorm, norm, pattern);
        for (const lemma of first.lemmas) push(byLemma, lemma, pattern);
        if (first.classes.size > 0) byClass.push(pattern);
        size++;
      }
    }
  });
  return { byNorm, byLemma, byClass, size };
}

function compileOrExplain(text: string, label: string | undefined): Step[][] {
  try {
    return compilePattern(text);
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

function accepts(step: PositionStep, token: Token): boolean {
  if (step.norms.has(token.norm) || step.lemmas.has(token.lemma)) return true;
  if (step.classes.size === 0) return false;
  for (const cls of step.classes) {
    if (cls === 'num' && (token.pos === 'NUM' || /^\d/.test(token.norm) || NUMBER_WORDS.has(token.norm))) return true;
    if (cls === 'year' && /^(19|20)\d\d$/.test(token.norm)) return true;
    if (cls === 'propn' && token.pos === 'PROPN') return true;
    if (cls === 'verb' && (token.pos === 'VERB' || token.pos === 'AUX')) return true;
  }
  return false;
}

/** Tries steps[k..] from token j; returns the last token taken, or -1. `picked` is a stack. */
function matchFrom(steps: readonly Step[], k: number, tokens: readonly Token[], j: number, end: number, picked: number[]): number {
  if (k === steps.length) return picked[picked.length - 1] ?? -1;
  const step = steps[k] as Step;
  if (step.kind === 'gap') {
    for (let g = 0; g <= step.max && j + g <= end; g++) {
      const last = matchFrom(steps, k + 1, tokens, j + g, end, picked);
      if (last >= 0) return last;
    }
    return -1;
  }
  // Hyphens are transparent: "air-strike" may come as "air", "-", "strike".
  let t = j;
  while (t < end && (tokens[t] as Token).norm === '-' && !step.norms.has('-')) t++;
  if (t < end && accepts(step, tokens[t] as Token)) {
    picked.push(t);
    const last = matchFrom(steps, k + 1, tokens, t + 1, end, picked);
    if (last >= 0) return last;
    picked.pop();
  }
  return step.optional ? matchFrom(steps, k + 1, tokens, j, end, picked) : -1;
}

/** Every match that starts inside tokens [from, end) and ends before `end`. Overlaps included. */
export function findMatches<E>(index: PatternIndex<E>, tokens: readonly Token[], from: number, end: number): Match<E>[] {
  const matches: Match<E>[] = [];
  const picked: number[] = [];
  const tryAt = (pattern: IndexedPattern<E>, i: number): void => {
    picked.length = 0;
    picked.push(i);
    const last = matchFrom(pattern.steps, 1, tokens, i + 1, end, picked);
    if (last >= 0) matches.push({ pattern, first: i, last, covered: picked.slice() });
  };
  for (let i = from; i < end; i++) {
    const token = tokens[i] as Token;
    const fromNorm = index.byNorm.get(token.norm);
    if (fromNorm) for (const pattern of fromNorm) tryAt(pattern, i);
    const fromLemma = index.byLemma.get(token.lemma);
    // A pattern reached through both its form and its lemma is tried once.
    if (fromLemma) for (const pattern of fromLemma) if (!firstOf(pattern).norms.has(token.norm)) tryAt(pattern, i);
    for (const pattern of index.byClass) {
      const first = firstOf(pattern);
      if (first.norms.has(token.norm) || first.lemmas.has(token.lemma) || !accepts(first, token)) continue;
      tryAt(pattern, i);
    }
  }
  return matches;
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
  const width = (m: Match<E>) => (tokens[m.last] as Token).end - (tokens[m.first] as Token).start;
  const ranked = matches.slice().sort(
    (a, b) =>
      b.covered.length - a.covered.length ||
      width(b) - width(a) ||
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
