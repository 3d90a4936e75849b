/**
 * Counts that carry no figure: denials ("no one was killed" → 0 killed) and single people named
 * with an article ("a man was shot dead" → 1 killed). An article count is kept only when a cue
 * types it from right beside it, since "a man" is as often the attacker as the victim.
 */
import type { CountMention, Span } from '../types.js';
import type { CountMatcher } from './lexicon.js';
import type { Cue } from './cues.js';
import { isCapitalised } from './words.js';

export function findZeroCounts(text: string, limit: Span, m: CountMatcher): CountMention[] {
  const found: CountMention[] = [];
  const sentence = text.slice(limit.start, limit.end);
  const re = m.zero;
  re.lastIndex = 0;
  for (let match = re.exec(sentence); match; match = re.exec(sentence)) {
    const at = limit.start + match.index;
    const end = at + match[0].length;
    const words = [match.groups?.first, match.groups?.second].filter((w): w is string => w !== undefined);
    const seen = new Set<string>();
    for (const word of words) {
      const kind = m.zeroKinds.get(word.toLowerCase());
      if (!kind || seen.has(kind)) continue;
      seen.add(kind);
      const cueAt = at + match[0].lastIndexOf(word);
      const cue = { start: cueAt, end: cueAt + word.length };
      found.push({ start: at, end, kind, low: 0, high: 0, cue, rule: 'count/none' });
    }
  }
  return found;
}

/** Words between a singular head and its cue: "a man was later shot dead". */
const AFTER_GAP =
  /^(?:\s+(?:was|is|has|had|been|being|also|reportedly|allegedly|later|critically|seriously|severely|fatally|badly|slightly|lightly|who|subsequently|then))*\s+$/i;
const BEFORE_GAP = /^\s+(?:of\s+)?$/i;

function modifiersOk(words: string, m: CountMatcher): boolean {
  return words
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => m.modifiers.has(w.toLowerCase()) || isCapitalised(w) || w.includes('-'));
}

function articleCue(text: string, span: Span, cues: readonly Cue[]): Cue | null {
  for (const cue of cues) {
    if (cue.role !== 'event') continue;
    if (cue.end <= span.start && BEFORE_GAP.test(text.slice(cue.end, span.start))) return cue;
    if (cue.start >= span.end && !cue.forwardOnly && AFTER_GAP.test(text.slice(span.end, cue.start))) return cue;
  }
  return null;
}

/** "a man was killed", "killing a child", "the death of a soldier": one person, typed. */
export function findArticleCounts(text: string, limit: Span, m: CountMatcher, cues: { get(): readonly Cue[] }): CountMention[] {
  const found: CountMention[] = [];
  const sentence = text.slice(limit.start, limit.end);
  const re = m.article;
  re.lastIndex = 0;
  for (let match = re.exec(sentence); match; match = re.exec(sentence)) {
    if (!modifiersOk(match[1] ?? '', m)) continue;
    const start = limit.start + match.index;
    const span = { start, end: start + match[0].length };
    const cue = articleCue(text, span, cues.get());
    if (cue) found.push({ start: span.start, end: span.end, kind: cue.kind, low: 1, high: 1, cue: { start: cue.start, end: cue.end }, rule: 'count/article' });
  }
  return found;
}
