/**
 * In-document merging: one event per real event. Tellings are folded greedily in text order
 * into the first compatible event. A telling that does not date the event itself ("the attack
 * was the deadliest ever", "Russian troops occupied Bucha before pulling back") only adds
 * evidence to an event it matches and is dropped when it matches none: undated asides are
 * mostly background, and an event ACLED could code is dated somewhere in the report.
 */
import type { CodedEvent, Doc, Span, Stage } from '../types.js';
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
  e.stated.date || !!e.stated.boundDate || ((e.inLead || e.stated.reportDate || !!e.stated.paragraphDate) && e.stated.kind);

/** Killing and wounding acts, told in many words (blasts, shootings, stabbings) but one event. */
const isViolentAct = (e: CodedEvent): boolean =>
  e.eventType === 'Battles' || e.eventType === 'Explosions/Remote violence' || e.subEventType === 'Attack';

/** A telling usually continues the event told just before it, in the same paragraph. */
function nearness(event: CodedEvent, candidate: CodedEvent): number {
  const at = candidate.evidence[0]?.start ?? 0;
  const distance = Math.min(...event.evidence.map((e) => Math.abs(e.start - at)));
  return distance < 500 ? 2 : distance < 1500 ? 1 : 0;
}

/** The document's text and sentences, for telling clauses of one sentence apart. */
export interface Layout {
  text: string;
  sentences: readonly Span[];
}

/** What joins two clauses that tell acts at different times: ", two days after", "in retaliation for". */
const SEQUENCE = /\b(?:after|before|following|retaliation|response|revenge)\b/i;

/**
 * Whether a telling and an event are two acts one sentence tells in sequence: "said it had
 * killed two militants in a drone strike, less than two days after a suicide bombing at the
 * airport" names two kinds of act, one after the other, however compatible their places and
 * dates. Clauses joined by "while", or a clause that names no kind ("…, killing one"), may
 * still tell the same act.
 */
function toldApart(layout: Layout | undefined, event: CodedEvent, candidate: CodedEvent): boolean {
  const clause = candidate.evidence[0];
  if (!layout || !clause || !event.stated.kind || !candidate.stated.kind || event.subEventType === candidate.subEventType) return false;
  const sentence = layout.sentences.find((s) => s.start <= clause.start && s.end >= clause.end);
  if (!sentence) return false;
  return event.evidence.some((e) => {
    if (e.start < sentence.start || e.end > sentence.end || (e.end > clause.start && e.start < clause.end)) return false;
    const gap = e.end <= clause.start ? layout.text.slice(e.end, clause.start) : layout.text.slice(clause.end, e.start);
    return SEQUENCE.test(gap);
  });
}

/**
 * The event a telling belongs to among those it is compatible with: the one told at the same
 * place, on the day the telling states, close by in the text, and of the same sub-type or event
 * type, else the first ("the suicide blasts and stabbings were the deadliest for Sweida" joins
 * the Sweida massacre, not the abduction or the air strike told beside it).
 */
function bestMatch(events: readonly CodedEvent[], candidate: CodedEvent, layout: Layout | undefined): number {
  let best = -1;
  let bestScore = -1;
  events.forEach((event, i) => {
    if (!compatible(event, candidate) || toldApart(layout, event, candidate)) return;
    const kind = event.subEventType === candidate.subEventType ? 2 : event.eventType === candidate.eventType || (isViolentAct(event) && isViolentAct(candidate)) ? 1 : 0;
    // A place both tellings state counts most; one a telling only inherited (the lead's) still counts.
    const place = placesMatch(event.place, candidate.place) ? (event.stated.place && candidate.stated.place ? 2 : 1) : 0;
    // "Thursday's attack at the gate" joins the bombing told on Thursday, not a strike told beside it.
    const day = candidate.stated.date && event.date === candidate.date ? 1 : 0;
    const score = kind + place + day + nearness(event, candidate);
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/** Folds the tellings into events; with the document's `layout`, acts told in sequence in one sentence stay apart. */
export function mergeTellings(candidates: readonly CodedEvent[], layout?: Layout): CodedEvent[] {
  const events: CodedEvent[] = [];
  // Stated tellings first, so that a weak telling joins the event it refers back to.
  const ordered = [...candidates.filter(standsAlone), ...candidates.filter((c) => !standsAlone(c))];
  for (const candidate of ordered) {
    const index = bestMatch(events, candidate, layout);
    if (index >= 0) events[index] = combine(events[index] as CodedEvent, candidate);
    else if (standsAlone(candidate)) events.push(candidate);
  }
  return events.sort((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0));
}

export function createMergeStage(): Stage {
  return {
    name: 'merge',
    requires: ['sentences', 'candidates'],
    provides: ['events'],
    run(doc: Doc): Doc {
      doc.events = mergeTellings(doc.candidates, { text: doc.text, sentences: doc.sentences });
      doc.trace.push(`merge: ${doc.candidates.length} telling(s) → ${doc.events.length} event(s)`);
      return doc;
    },
  };
}
