/**
 * The trigger stage: marks every word or phrase that signals an event of an ACLED sub-type,
 * sentence by sentence, with the lexicon entry's priority and hints. It does not decide the
 * event; the coder weighs the triggers of a sentence with its actors, places, dates and counts.
 */
import { inSkipRegion } from '../doc.js';
import type { Doc, Sentence, Stage, Token, TriggerMention } from '../types.js';
import type { TriggerEntry, TriggerLexicon } from './lexicon.js';
import { findMatches, longestMatches } from './matcher.js';

const TRACE_LIMIT = 12;

/** The triggers of one sentence, longest match first on overlap, in text order. */
export function findTriggers(lexicon: TriggerLexicon, doc: Doc, sentence: Sentence): TriggerMention[] {
  const tokens = doc.tokens;
  const matches = longestMatches(findMatches(lexicon.index, tokens, sentence.firstToken, sentence.endToken), tokens);
  return matches
    .filter((match) => !takesAPerson(doc, match.pattern.entry, tokens[match.last] as Token))
    .map((match) => toMention(match.pattern.entry, (tokens[match.first] as Token).start, (tokens[match.last] as Token).end));
}

/**
 * "captured Palmyra" takes a place; "captured Ovidio Guzmán" takes a man. A territory word whose
 * object is a proper noun the gazetteer did not read as a place tells no change of control.
 */
function takesAPerson(doc: Doc, entry: TriggerEntry, last: Token): boolean {
  if (!entry.hints.includes('territory') || last.pos !== 'PROPN' || !doc.places) return false;
  return !doc.places.some((p) => p.start <= last.start && p.end >= last.end);
}

function toMention(entry: TriggerEntry, start: number, end: number): TriggerMention {
  return {
    start,
    end,
    eventType: entry.eventType,
    subEventType: entry.subEventType,
    entry: entry.id,
    hints: [...entry.hints],
    rule: `lexicon:${entry.id}`,
    priority: entry.priority,
  };
}

function whollySkipped(doc: Doc, sentence: Sentence): boolean {
  return doc.skip.some((region) => region.start <= sentence.start && region.end >= sentence.end);
}

export function createTriggerStage(lexicon: TriggerLexicon): Stage {
  return {
    name: 'triggers',
    requires: ['tokens', 'sentences', 'skip', 'places'],
    provides: ['triggers'],
    run(doc: Doc): Doc {
      const triggers: TriggerMention[] = [];
      for (const sentence of doc.sentences) {
        if (whollySkipped(doc, sentence)) continue;
        for (const mention of findTriggers(lexicon, doc, sentence)) {
          // A sentence may straddle a caption the segmenter did not split off.
          if (doc.skip.length > 0 && inSkipRegion(doc, mention.start, mention.end)) continue;
          triggers.push(mention);
        }
      }
      doc.triggers = triggers;
      const listed = triggers.slice(0, TRACE_LIMIT).map((t) => `${t.entry}@${t.start}`);
      const more = triggers.length > TRACE_LIMIT ? ` (+${triggers.length - TRACE_LIMIT})` : '';
      doc.trace.push(`triggers: ${triggers.length} found${triggers.length ? ': ' + listed.join(', ') + more : ''}`);
      return doc;
    },
  };
}
