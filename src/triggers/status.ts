/**
 * Status cues: words that make a sentence's event planned, alleged, denied or ongoing, or make
 * it no event at all (a prediction, a negation, generic history). The cues are found, not
 * judged: the coder decides which event a cue governs.
 */
import type { Doc, Sentence, Span, Stage, StatusCue, Token } from '../types.js';
import type { StatusLexicon } from './lexicon.js';
import { findMatches, longestMatches } from './matcher.js';

/** Index of the first token whose start is >= offset (tokens are in text order). */
function firstTokenAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((tokens[mid] as Token).start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The status cues inside `sentence` (any span of the text), in text order. Pure. `cue` is the
 * matched text, `rule` names the status.json entry ("status:prediction", "status:negation").
 */
export function findStatusCues(lexicon: StatusLexicon, doc: Doc, sentence: Span): StatusCue[] {
  const tokens = doc.tokens;
  const from = firstTokenAt(tokens, sentence.start);
  let end = from;
  while (end < tokens.length && (tokens[end] as Token).end <= sentence.end) end++;
  const cues: StatusCue[] = [];
  // 'any': a neutral cue ("no one was hurt") silences every cue that shares a word with it.
  for (const match of longestMatches(findMatches(lexicon.index, tokens, from, end), tokens, 'any')) {
    const entry = match.pattern.entry;
    if (entry.status === 'neutral') continue;
    const start = (tokens[match.first] as Token).start;
    const stop = (tokens[match.last] as Token).end;
    cues.push({ start, end: stop, status: entry.status, cue: doc.text.slice(start, stop), rule: `status:${entry.id}` });
  }
  return cues;
}

/** `findStatusCues` with the lexicon bound, for callers that keep one finder. */
export function createStatusCueFinder(lexicon: StatusLexicon): (doc: Doc, sentence: Span) => StatusCue[] {
  return (doc, sentence) => findStatusCues(lexicon, doc, sentence);
}

function whollySkipped(doc: Doc, sentence: Sentence): boolean {
  return doc.skip.some((region) => region.start <= sentence.start && region.end >= sentence.end);
}

/** The cue stage: every sentence's status cues, into `doc.cues`. */
export function createCueStage(lexicon: StatusLexicon): Stage {
  return {
    name: 'cues',
    requires: ['tokens', 'sentences', 'skip'],
    provides: ['cues'],
    run(doc: Doc): Doc {
      const cues: StatusCue[] = [];
      for (const sentence of doc.sentences) {
        if (!whollySkipped(doc, sentence)) cues.push(...findStatusCues(lexicon, doc, sentence));
      }
      doc.cues = cues;
      const counts = new Map<string, number>();
      for (const cue of cues) counts.set(cue.status, (counts.get(cue.status) ?? 0) + 1);
      const listed = [...counts].map(([status, n]) => `${status} ${n}`).join(', ');
      doc.trace.push(`cues: ${cues.length} found${listed ? ': ' + listed : ''}`);
      return doc;
    },
  };
}
