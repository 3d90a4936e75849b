/** Denials, the counts that carry a zero: "no one was killed" → 0 killed, "no injuries" → 0 injured. */
import type { CountMention, Span } from '../types.js';
import type { CountMatcher } from './lexicon.js';

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
