/**
 * In-document merging: one event per real event. Tellings are folded greedily in text order
 * into the first compatible event. A telling that does not date the event itself ("the attack
 * was the deadliest ever", "Russian troops occupied Bucha before pulling back") only adds
 * evidence to an event it matches and is dropped when it matches none: undated asides are
 * mostly background, and an event ACLED could code is dated somewhere in the report.
 */
import type { CodedEvent, Doc, Stage } from '../types.js';
import { compatible } from './compatible.js';
import { combine } from './combine.js';

export { compatible, kilometres, placesMatch, datesMatch } from './compatible.js';
export { combine, combineRanges } from './combine.js';

/**
 * A telling can found an event when it dates the event itself, or when it is the lead's telling
 * of a specific act: a report's first paragraph tells its main event, dated or not.
 */
const standsAlone = (e: CodedEvent): boolean => e.stated.date || (e.inLead && e.stated.kind);

export function mergeTellings(candidates: readonly CodedEvent[]): CodedEvent[] {
  const events: CodedEvent[] = [];
  // Stated tellings first, so that a weak telling joins the event it refers back to.
  const ordered = [...candidates.filter(standsAlone), ...candidates.filter((c) => !standsAlone(c))];
  for (const candidate of ordered) {
    const index = events.findIndex((event) => compatible(event, candidate));
    if (index >= 0) events[index] = combine(events[index] as CodedEvent, candidate);
    else if (standsAlone(candidate)) events.push(candidate);
  }
  return events.sort((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0));
}

export function createMergeStage(): Stage {
  return {
    name: 'merge',
    requires: ['candidates'],
    provides: ['events'],
    run(doc: Doc): Doc {
      doc.events = mergeTellings(doc.candidates);
      doc.trace.push(`merge: ${doc.candidates.length} telling(s) → ${doc.events.length} event(s)`);
      return doc;
    },
  };
}
