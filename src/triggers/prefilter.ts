/**
 * A cheap necessary test run before a pattern is tried at a token. Most tries fail at the
 * pattern's second position ("{attack} on|against …" at an "attack" followed by "in"), and a
 * failing try still reads that position's form sets, which in a long pipeline have left the
 * CPU cache. Each pattern keeps a 32-bit mask of its "anchor" (the second position, or the
 * third after a gap); each token of the sentence gets the bits of its form and lemma once.
 * When no token the anchor could take shares a bit with the mask, the pattern cannot match.
 * The test only ever skips tries that would fail, so matches are unchanged.
 */
import type { Token } from '../types.js';
import { formBit, type PositionStep, type Step } from './pattern.js';

export interface Anchor {
  /** Bits (`formBit`) of every form and lemma the anchor position accepts; 0 when untested. */
  mask: number;
  /** -1: the anchor is the second position; else it follows a gap of at most `gap` tokens. */
  gap: number;
}

const UNTESTED: Anchor = { mask: 0, gap: -1 };

export function anchorOf(steps: readonly Step[]): Anchor {
  const second = steps[1];
  if (!second) return UNTESTED;
  if (second.kind === 'position') return positionAnchor(second, -1);
  const third = steps[2];
  return third?.kind === 'position' ? positionAnchor(third, second.max) : UNTESTED;
}

/** Optional positions, token classes and positions that take "-" are never tested. */
function positionAnchor(step: PositionStep, gap: number): Anchor {
  if (step.optional || step.classes.size > 0 || step.takesHyphen) return UNTESTED;
  const mask = step.forms;
  return mask === -1 ? UNTESTED : { mask, gap };
}

/**
 * The bits of the tokens in [from, end) (a token's form's and lemma's), worked out on first
 * use: most sentences try few patterns. A token's bits are never 0, so 0 means "not yet".
 */
export interface TokenBits {
  tokens: readonly Token[];
  from: number;
  bits: Int32Array;
}

/**
 * One buffer serves every sentence (matching is synchronous and never nested): a typed array
 * of a sentence's length lives outside the JavaScript heap, and allocating one per sentence
 * cost more than all the look-ups it saves.
 */
let scratch = new Int32Array(256);

export function tokenBits(tokens: readonly Token[], from: number, end: number): TokenBits {
  const length = Math.max(0, end - from);
  if (scratch.length < length) scratch = new Int32Array(Math.max(length, scratch.length * 2));
  else scratch.fill(0, 0, length);
  return { tokens, from, bits: scratch };
}

/** The bits of token `t`'s form and lemma (`formBit`), worked out on first use. */
export function bitsAt(b: TokenBits, t: number): number {
  const known = b.bits[t - b.from] as number;
  if (known !== 0) return known;
  const token = b.tokens[t] as Token;
  return (b.bits[t - b.from] = formBit(token.norm) | formBit(token.lemma));
}

/**
 * False when a pattern whose first position took token `i` surely fails: its anchor can take
 * no token it could reach. Mirrors the matcher: hyphen tokens are passed over, and after a gap
 * of g ≤ `gap` tokens the anchor may take any token up to the first non-hyphen past i + 1 + gap.
 */
export function mayMatch(anchor: Anchor, tokens: readonly Token[], bits: TokenBits, i: number, end: number): boolean {
  return mayMatchAnchor(anchor.mask, anchor.gap, tokens, bits, i, end);
}

/** `mayMatch` with the anchor's mask and gap given apart (as the matcher keeps them, in typed arrays). */
export function mayMatchAnchor(mask: number, gap: number, tokens: readonly Token[], bits: TokenBits, i: number, end: number): boolean {
  if (mask === 0) return true;
  if (gap < 0) {
    let t = i + 1;
    while (t < end && (tokens[t] as Token).norm === '-') t++;
    return t < end && (bitsAt(bits, t) & mask) !== 0;
  }
  let last = Math.min(end - 1, i + 1 + gap);
  while (last < end - 1 && (tokens[last] as Token).norm === '-') last++;
  for (let t = i + 1; t <= last; t++) if ((bitsAt(bits, t) & mask) !== 0) return true;
  return false;
}
