/**
 * @module triggers
 * The event-trigger lexicon and stage: which words signal which ACLED sub-type, and which words
 * make an event planned, alleged, denied, ongoing or no event.
 *
 * @example
 *   const triggers = createTriggerStage(loadTriggerLexicon()); // doc.triggers
 *   const cues = createCueStage(loadStatusLexicon()); // doc.cues
 */
export {
  loadTriggerLexicon,
  loadStatusLexicon,
  compileTriggerLexicon,
  compileStatusLexicon,
  STATUS_KINDS,
  type TriggerEntry,
  type TriggerLexicon,
  type StatusEntry,
  type StatusKind,
  type StatusLexicon,
} from './lexicon.js';
export { createTriggerStage, findTriggers } from './stage.js';
export { findStatusCues, createStatusCueFinder, createCueStage } from './status.js';
export { inflections } from './pattern.js';
