/**
 * Folds a second telling into an event. What a telling stated beats what another only
 * inherited; a more precise date or place beats a vaguer one; the first telling's toll is the
 * article's figure (the lead carries the current toll) unless it was only "dozens" and a later
 * telling gives the figure, while `counts` keeps the range of all figures told; evidence
 * accumulates in text order.
 */
import type { CodedEvent, CountKind, CountRange, SubEventType } from '../types.js';

/** Combines two tellings' ranges conservatively: the low is the smallest, the high the largest. */
export function combineRanges(a: CountRange | undefined, b: CountRange | undefined): CountRange | undefined {
  if (!a) return b;
  if (!b) return a;
  const low = Math.min(a.low, b.low);
  const highs = [a.high ?? a.low, b.high ?? b.low];
  const high = Math.max(...highs);
  return { low, high: high > low ? high : a.high === null && b.high === null ? null : high };
}

function better<T>(aStated: boolean, bStated: boolean, aPrecision: number, bPrecision: number, a: T, b: T): T {
  if (aStated !== bStated) return aStated ? a : b;
  return bPrecision < aPrecision ? b : a;
}

/**
 * "Rebels attacked a school in western Uganda" then "struck the school in Mpondwe": a stated
 * country is no rival for a town of that country another telling gives, even one it inherited
 * from its paragraph; ACLED codes the most precise place the report supports.
 */
function wholeCountry(e: CodedEvent): boolean {
  return e.place.featureCode === 'COUNTRY';
}

function finerInCountry(a: CodedEvent, b: CodedEvent): CodedEvent | null {
  if (wholeCountry(a) === wholeCountry(b) || a.place.iso3 !== b.place.iso3) return null;
  return wholeCountry(a) ? b : a;
}

/** How far a protest went: a later telling of police intervention or lethal force raises it. */
const PROTEST_RANK: Partial<Record<SubEventType, number>> = {
  'Peaceful protest': 0,
  Arrests: 1,
  'Protest with intervention': 1,
  'Excessive force against protesters': 2,
};

function protestKind(a: CodedEvent, b: CodedEvent): SubEventType | null {
  if (a.eventType !== 'Protests' && b.eventType !== 'Protests') return null;
  const ra = PROTEST_RANK[a.subEventType];
  const rb = PROTEST_RANK[b.subEventType];
  if (ra === undefined || rb === undefined) return null;
  const top = Math.max(ra, rb);
  return top === 2 ? 'Excessive force against protesters' : top === 1 ? 'Protest with intervention' : 'Peaceful protest';
}

/**
 * Whether `partner`'s other side can fill `from`'s: a telling of the same kind of act, or one
 * that only said civilians died ("the strikes killed dozens of people", no kind of its own),
 * which tells the victims of whatever act `from` names (a battle's other side is no victim).
 */
function sameSides(from: CodedEvent, partner: CodedEvent): boolean {
  if (partner.eventType === from.eventType) return true;
  // The dead tie a telling to the act; the injured only when told close by (a later paragraph's
  // "12 were hurt" is often another event's, the riots').
  const near = Math.min(...from.evidence.map((e) => Math.abs(e.start - (partner.evidence[0]?.start ?? Infinity)))) < 400;
  const victims = (partner.counts.killed?.low ?? 0) > 0 || ((partner.counts.injured?.low ?? 0) > 0 && near);
  return !partner.stated.kind && partner.inter2 === 7 && victims && from.eventType !== 'Battles';
}

export function combine(a: CodedEvent, b: CodedEvent): CodedEvent {
  const dateFrom = better(a.stated.date, b.stated.date, a.timePrecision, b.timePrecision, a, b);
  const placeFrom = finerInCountry(a, b) ?? better(a.stated.place, b.stated.place, a.place.precision, b.place.precision, a, b);
  // The telling that names the kind of act decides it ("a mob rampaged" over "violence erupted").
  const protestFrom = a.eventType === 'Protests' ? a : b;
  const protest = protestKind(a, b);
  // A suicide attack stays one when another telling names only its device ("a car packed with explosives").
  const suicide = [a, b].find((e) => e.subEventType === 'Suicide bomb');
  const kindFrom = protest
    ? protestFrom
    : suicide && a.eventType === b.eventType
      ? suicide
      : a.stated.kind !== b.stated.kind ? (a.stated.kind ? a : b) : a.stated.date || !b.stated.date ? a : b;
  // Actors follow the kind of act (a battle's sides are not an attack's victims); a named
  // perpetrator from another telling of the same kind of act still beats an unnamed one.
  const other = kindFrom === a ? b : a;
  const actorFrom = !kindFrom.stated.actor1 && other.stated.actor1 && other.eventType === kindFrom.eventType ? other : kindFrom;
  const partner = actorFrom === a ? b : a;
  const counts = { ...a.counts };
  for (const kind of Object.keys(b.counts) as CountKind[]) {
    const range = combineRanges(a.counts[kind], b.counts[kind]);
    if (range) counts[kind] = range;
  }
  // The first telling's toll, unless it was vague ("dozens") and another gives the figure.
  const first = a.counts.killed ? a : b;
  const second = first === a ? b : a;
  const tollFrom = !first.tollPrecise && second.counts.killed && second.tollPrecise ? second : first;
  return {
    ...kindFrom,
    subEventType: protest ?? kindFrom.subEventType,
    date: dateFrom.date,
    dateEnd: dateFrom.dateEnd,
    timePrecision: dateFrom.timePrecision,
    place: placeFrom.place,
    location: placeFrom.location,
    actor1: actorFrom.actor1,
    // A telling that names the perpetrator may not repeat the victims another telling gave.
    ...(actorFrom.actor2 || !sameSides(actorFrom, partner)
      ? { actor2: actorFrom.actor2, inter2: actorFrom.inter2 }
      : { actor2: partner.actor2, inter2: partner.inter2 }),
    inter1: actorFrom.inter1,
    assocActor1: a.assocActor1 ?? b.assocActor1,
    assocActor2: a.assocActor2 ?? b.assocActor2,
    fatalities: tollFrom.fatalities,
    tollPrecise: tollFrom.tollPrecise,
    counts,
    status: a.status === 'planned' && b.status === 'occurred' ? 'occurred' : a.status,
    attributedTo: a.attributedTo ?? b.attributedTo,
    evidence: [...a.evidence, ...b.evidence.filter((e) => !a.evidence.some((x) => x.start === e.start && x.end === e.end))].sort((x, y) => x.start - y.start),
    confidence: Math.min(0.99, Math.max(a.confidence, b.confidence) + 0.05),
    inLead: a.inLead || b.inLead,
    stated: {
      date: a.stated.date || b.stated.date,
      reportDate: a.stated.reportDate || b.stated.reportDate,
      paragraphDate: !!(a.stated.paragraphDate || b.stated.paragraphDate),
      boundDate: !!(a.stated.boundDate || b.stated.boundDate),
      place: a.stated.place || b.stated.place,
      actor1: a.stated.actor1 || b.stated.actor1,
      kind: a.stated.kind || b.stated.kind,
    },
    why: [...a.why, ...b.why],
  };
}
