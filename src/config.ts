/**
 * The default pipeline: one ordered array of named stages. The order matters and each reason
 * is given here, in the one place that composes the stages:
 *
 *  1. clean      marks promos, captions, bylines, the headline, the dateline and the wire
 *                credit first, so that no later stage ever codes a caption's scene.
 *  2. segment    sentences and tokens of the article prose (skipped regions dropped).
 *  3. dates      dates resolved against the publication date (or the dateline's, guessed).
 *  4. counts     numbers of people killed, injured, abducted ... with ACLED's conventions.
 *  5. attribution quotes and who the report cites for each sentence.
 *  6. places     gazetteer look-up and disambiguation; also sets the article's country focus,
 *                which the actor stage needs for "regime forces" or "the army".
 *  7. actors     dictionary look-up and in-document resolution of short forms.
 *  8. triggers   words that signal each ACLED sub-event type.
 *  9. cues       status and non-event cues (talks → planned, denied, predictions).
 * 10. code       sentence by sentence, triggers plus their arguments become coded events.
 * 11. merge      tellings of the same event within the article become one event.
 */
import type { Stage } from './types.js';
import { createCleanStage } from './clean/index.js';
import { createSegmentStage } from './nlp/index.js';
import { createDateStage } from './time/index.js';
import { createCountStage } from './quantities/index.js';
import { createAttributionStage, loadSourceDictionary } from './attribution/index.js';
import { createPlaceStage, loadGazetteer, type Gazetteer } from './geo/index.js';
import { createActorStage, loadActorDictionary, roleActorIn, stateActor } from './actors/index.js';
import { createCueStage, createTriggerStage, loadStatusLexicon, loadTriggerLexicon } from './triggers/index.js';
import { createCodeStage } from './events/index.js';
import { createMergeStage } from './merge/index.js';

export interface Resources {
  gazetteer: Gazetteer;
}

/** Loads every dictionary, lexicon and the gazetteer once, and builds the stages over them. */
export function defaultStages(): { stages: Stage[]; resources: Resources } {
  const gazetteer = loadGazetteer();
  const actors = loadActorDictionary();
  const stages: Stage[] = [
    createCleanStage(),
    createSegmentStage(),
    createDateStage(),
    createCountStage(),
    createAttributionStage(loadSourceDictionary()),
    createPlaceStage(gazetteer),
    createActorStage(actors),
    createTriggerStage(loadTriggerLexicon()),
    createCueStage(loadStatusLexicon()),
    createCodeStage({
      roleActor: roleActorIn,
      militaryOf: (iso3) => stateActor(actors, 'military', iso3),
      countryPlace: (iso3) => gazetteer.country(iso3),
    }),
    createMergeStage(),
  ];
  return { stages, resources: { gazetteer } };
}
