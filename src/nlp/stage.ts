/**
 * The segment stage: tokens (exact offsets, POS, lemma) and sentences with wink-nlp. Each
 * line is analysed on its own, so no sentence crosses a line or paragraph break, and
 * regions the clean stage marked as not prose are neither tokenized nor split.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Sentence, SkipRegion, Stage, Token } from '../types.js';
import { OTHER_ABBREVIATIONS, TITLE_ABBREVIATIONS } from './abbreviations.js';
import { analysePiece, type Abbreviations, type WinkLike } from './analyse.js';
import { createLexemeCache } from './lexemes.js';
import { proseSpans } from './pieces.js';

export interface SegmentResources {
  /** A wink-nlp instance; built from wink-eng-lite-web-model when not given. */
  wink?: WinkLike;
  abbreviations?: Abbreviations;
}

/** Loads wink's English model with only the passes we use: sentence boundaries and POS. */
export function loadWink(): WinkLike {
  return winkNLP(model, ['sbd', 'pos']) as unknown as WinkLike;
}

export function defaultAbbreviations(): Abbreviations {
  return { titles: new Set(TITLE_ABBREVIATIONS), others: new Set(OTHER_ABBREVIATIONS) };
}

function sortedSkip(skip: SkipRegion[]): SkipRegion[] {
  for (let i = 1; i < skip.length; i++) if (skip[i]!.start < skip[i - 1]!.start) return [...skip].sort((a, b) => a.start - b.start);
  return skip;
}

export function createSegmentStage(resources: SegmentResources = {}): Stage {
  const wink = resources.wink ?? loadWink();
  const abbreviations = resources.abbreviations ?? defaultAbbreviations();
  // Value, norm and lemma per wink lexeme, shared by every document this stage reads.
  const lexemes = createLexemeCache();
  return {
    name: 'segment',
    requires: ['skip', 'headline'],
    provides: ['tokens', 'sentences'],
    run(doc: Doc): Doc {
      const tokens: Token[] = [];
      const sentences: Sentence[] = [];
      const headline = doc.headline;
      for (const span of proseSpans(doc.text, sortedSkip(doc.skip))) {
        const inHeadline = headline !== null && span.start >= headline.start && span.end <= headline.end;
        for (const [firstToken, endToken] of analysePiece(wink, doc.text, span, tokens, abbreviations, lexemes).sentences) {
          const start = tokens[firstToken]!.start;
          const end = tokens[endToken - 1]!.end;
          sentences.push({ start, end, firstToken, endToken, headline: inHeadline });
        }
      }
      doc.tokens = tokens;
      doc.sentences = sentences;
      doc.trace.push(`segment: ${sentences.length} sentence(s), ${tokens.length} token(s)`);
      return doc;
    },
  };
}
