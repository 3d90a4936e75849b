/**
 * In-document merging: one event per real event. Tellings are folded greedily in text order
 * into the first compatible event. A telling that does not date the event itself ("the attack
 * was the deadliest ever", "Russian troops occupied Bucha before pulling back") only adds
 * evidence to an event it matches and is dropped when it matches none: undated asides are
 * mostly background, and an event ACLED could code is dated somewhere in the report.
 */
import type { CodedEvent, Doc, Stage } from '../types.js';
import { compatible, placesMatch } from './compatible.js';
import { combine } from './combine.js';

export { compatible, kilometres, placesMatch, datesMatch } from './compatible.js';
export { combine, combineRanges } from './combine.js';

/**
 * A telling can found an event when it dates the event itself, or when it tells a specific act
 * in the lead (a report's first paragraph tells its main event, dated or not), as of the day
 * someone reported it ("officials said Thursday that troops had retaken the city"), or right
 * after a sentence of its paragraph dated it ("… before dawn Thursday near Jesús María. The
 * gunmen opened fire …"): a paragraph tells a sequence of acts on the day it gives.
 */
const standsAlone = (e: CodedEvent): boolean =>
  e.stated.date || ((e.inLead || e.stated.reportDate || !!e.stated.paragraphDate) && e.stated.kind);

/**
 * The event a telling belongs to among those it is compatible with: the one told at the same
 * place, close by in the text, and of the same sub-type or event type, else the first ("the suicide blasts and
 * stabbings were the deadliest for Sweida" joins the Sweida massacre, not the abduction or the
 * air strike told beside it).
 */
/** Killing and wounding acts, told in many words (blasts, shootings, stabbings) but one event. */
const isViolentAct = (e: CodedEvent): boolean =>
  e.eventType === 'Battles' || e.eventType === 'Explosions/Remote violence' || e.subEventType === 'Attack';

/** A telling usually continues the event told just before it, in the same paragraph. */
function nearness(event: CodedEvent, candidate: CodedEvent): number {
  const at = candidate.evidence[0]?.start ?? 0;
  const distance = Math.min(...event.evidence.map((e) => Math.abs(e.start - at)));
  return distance < 500 ? 2 : distance < 1500 ? 1 : 0;
}

function bestMatch(events: readonly CodedEvent[], candidate: CodedEvent): number {
  let best = -1;
  let bestScore = -1;
  events.forEach((event, i) => {
    if (!compatible(event, candidate)) return;
    const kind = event.subEventType === candidate.subEventType ? 2 : event.eventType === candidate.eventType || (isViolentAct(event) && isViolentAct(candidate)) ? 1 : 0;
    const place = event.stated.place && candidate.stated.place && placesMatch(event.place, candidate.place) ? 2 : 0;
    const score = kind + place + nearness(event, candidate);
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

export function mergeTellings(candidates: readonly CodedEvent[]): CodedEvent[] {
  const events: CodedEvent[] = [];
  // Stated tellings first, so that a weak telling joins the event it refers back to.
  const ordered = [...candidates.filter(standsAlone), ...candidates.filter((c) => !standsAlone(c))];
  for (const candidate of ordered) {
    const index = bestMatch(events, candidate);
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
