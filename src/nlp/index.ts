/** NLP: tokens and sentences (wink-nlp) over the prose the clean stage left. */
export { createSegmentStage, loadWink, defaultAbbreviations } from './stage.js';
export type { SegmentResources } from './stage.js';
export type { Abbreviations, WinkLike } from './analyse.js';
export { normalise } from './analyse.js';
export { proseSpans } from './pieces.js';
export { TITLE_ABBREVIATIONS, OTHER_ABBREVIATIONS } from './abbreviations.js';
