/**
 * @module quantities
 * Numbers of people and what happened to them, in ACLED's conventions: the conservative figure
 * is `low` ("more than 250" → 250; "dozens" → 12), `high` is the stated upper bound (an exact
 * figure is its own upper bound; "dozens" and "more than" have none).
 *
 * @example
 *   const stage = createCountStage();
 *   stage.run(doc).counts; // [{ low: 250, high: null, kind: 'killed', cue: {...}, ... }]
 */
import { inSkipRegion } from '../doc.js';
import type { CountMention, Doc, Span, Stage } from '../types.js';
import { findCountsWith } from './find.js';
import { compileCountMatcher, loadCountLexicon, type CountLexicon, type CountMatcher } from './lexicon.js';

export { compileCountMatcher, loadCountLexicon } from './lexicon.js';
export type { CountLexicon, CountMatcher } from './lexicon.js';
export { findCountsWith } from './find.js';

/** The default matcher, compiled from the shipped lexicon on first use and never changed after. */
const defaultMatcher: () => CountMatcher = (() => {
  let compiled: CountMatcher | null = null;
  return () => (compiled ??= compileCountMatcher(loadCountLexicon()));
})();

/** The counts of people in one sentence of `text` (pure; uses the shipped lexicon). */
export function findCounts(text: string, sentence: Span, matcher: CountMatcher = defaultMatcher()): CountMention[] {
  return findCountsWith(text, sentence, matcher);
}

function summary(counts: readonly CountMention[]): string {
  const byKind = new Map<string, number>();
  for (const c of counts) byKind.set(c.kind ?? 'untyped', (byKind.get(c.kind ?? 'untyped') ?? 0) + 1);
  return [...byKind].map(([k, n]) => `${k} ${n}`).join(', ');
}

export function createCountStage(lexicon: CountLexicon = loadCountLexicon()): Stage {
  const matcher = compileCountMatcher(lexicon);
  return {
    name: 'counts',
    requires: ['sentences', 'tokens', 'skip'],
    provides: ['counts'],
    run(doc: Doc): Doc {
      const counts: CountMention[] = [];
      for (const sentence of doc.sentences) {
        if (inSkipRegion(doc, sentence.start, sentence.end)) continue;
        counts.push(...findCountsWith(doc.text, sentence, matcher));
      }
      doc.counts = counts;
      if (counts.length > 0) doc.trace.push(`counts: ${counts.length} (${summary(counts)})`);
      return doc;
    },
  };
}
