/**
 * The coding stage: turns each body sentence's triggers into coded events (`doc.candidates`),
 * one per act the sentence tells, with actors, place, date, counts, status, citation and the
 * sentence as evidence. Every field records the rule that set it, for `--explain`.
 * In-document merging of several tellings happens in the next stage.
 */
import type { Doc, Stage } from '../types.js';
import { codeDocument } from './coding.js';
import type { CodeResources } from './frame-event.js';

export type { CodeResources } from './frame-event.js';

export function createCodeStage(resources: CodeResources): Stage {
  return {
    name: 'code',
    requires: ['sentences', 'triggers', 'cues', 'dates', 'places', 'actors', 'counts', 'attributions', 'focus'],
    provides: ['candidates', 'unplaced'],
    run(doc: Doc): Doc {
      doc.candidates = codeDocument(doc, resources);
      doc.trace.push(`code: ${doc.candidates.length} candidate event(s) from ${doc.triggers.length} trigger(s)`);
      return doc;
    },
  };
}
