/**
 * Merging across documents: the same air strike told by a wire, a site that rewrote the wire
 * and a follow-up two days later is one event with every report as evidence.
 *
 * A mention joins a stored event when it is the same kind of act, their dates overlap within
 * their precisions (one day of slack more for a date the text only implied), their places
 * coincide within a distance set by the coarser geo_precision, and no two different named
 * perpetrators stand against each other. Among several such events it joins the closest.
 *
 * The folded event takes the in-document rules for each field (a stated or more precise date
 * and place win, the telling that names the act decides the kind), with two rules of its own:
 * the toll is that of the latest independent report that gives one (ACLED codes the most
 * recent conservative figure; `counts` keeps the whole range seen), an act one report doubted
 * and an independent one states as fact occurred, and the source lists every outlet that
 * reported it. Reports are folded in publication order (then by document and mention id), not
 * in the order they reached the store, so an event does not depend on which worker was faster.
 *
 * Limits: which event a report joins is decided greedily, when it arrives, against the events
 * stored then. Where a report fits two events that do not fit each other (A ~ B, B ~ C, but not
 * A ~ C), arrival order still decides between {A, B} {C} and {A} {B, C}. Shuffling the 5,000
 * reports of the worker test entirely changes about 1% of its events this way (all of them
 * weak "Agreement" readings of "called for calm"); the reorderings of a pool of four workers,
 * with one job retried late after its worker was killed, changed 2 of 2,939 events in one run
 * of five and none in the others. Making the join order-free too means replaying, when a report
 * arrives late, the later reports of its country in publication order.
 */
import type { CodedEvent, CountKind, Report } from '../types.js';
import { combine, combineRanges } from './combine.js';
import { actorsMatch, DATE_SLACK, datesOverlap, kilometres, placesMatch, TERRITORY } from './compatible.js';

export type { Report } from '../types.js';

/** Extra slack for a date a telling only inherited (its paragraph's, the lead's, the report's). */
const IMPLIED_DATE_SLACK = 1;
/**
 * Days either side of a mention's dates within which a matching event's start date must lie:
 * both slacks at month precision, plus a month for an event told as a span.
 */
export const WINDOW_DAYS = 2 * (DATE_SLACK[3] + IMPLIED_DATE_SLACK) + 31;

const impliedSlack = (e: CodedEvent): number => (e.stated.date ? 0 : IMPLIED_DATE_SLACK);

const isCountry = (e: CodedEvent): boolean => e.place.featureCode === 'COUNTRY';

/**
 * Kinds of act that may be one event across reports. Inside one article the text ties tellings
 * together and looser rules hold; across articles only the record does: the same sub-type, or
 * the same event type told at the same stated place ("shelling" in one report, "a missile
 * strike" in another). An event placed only in a country joins only the same sub-type, on the
 * same day, by the same actor: "fighting in Afghanistan" is no evidence of which fight.
 */
function kindsMatchAcross(a: CodedEvent, b: CodedEvent): boolean {
  const sameSubType = a.subEventType === b.subEventType;
  if (isCountry(a) || isCountry(b)) return sameSubType && a.date === b.date && a.actor1 === b.actor1;
  if (sameSubType) return true;
  if (TERRITORY.has(a.subEventType) || TERRITORY.has(b.subEventType)) return false;
  return a.eventType === b.eventType && a.stated.place && b.stated.place;
}

/** Why two tellings from different documents are the same event, or null when they are not. */
export function sameEventAcross(event: CodedEvent, mention: CodedEvent): string | null {
  if (!kindsMatchAcross(event, mention)) return null;
  if (!datesOverlap(event, mention, impliedSlack)) return null;
  if (!placesMatch(event.place, mention.place)) return null;
  if (!actorsMatch(event, mention)) return null;
  const kind = event.subEventType === mention.subEventType ? `same sub-type (${event.subEventType})` : `compatible kinds (${event.subEventType} / ${mention.subEventType})`;
  const date = event.date === mention.date ? `same date ${event.date}` : `dates ${event.date} and ${mention.date} overlap within their precision`;
  const km = Math.round(kilometres(event.place, mention.place));
  const place = `places ${event.location} and ${mention.location} ${km} km apart`;
  const actor = event.actor1 === mention.actor1 ? `same actor1 ${event.actor1}` : 'no conflicting perpetrators';
  return [kind, date, place, actor].join('; ');
}

/** Closer is better: the same sub-type, the same day, the same place, the same perpetrator. */
function closeness(event: CodedEvent, mention: CodedEvent): number {
  let score = 0;
  if (event.subEventType === mention.subEventType) score += 4;
  if (event.date === mention.date) score += 2;
  if (event.place.id === mention.place.id) score += 2;
  else score += Math.max(0, 1 - kilometres(event.place, mention.place) / 50);
  if (event.actor1 === mention.actor1) score += 1;
  return score;
}

/** The stored event a mention tells, among the candidates, with the reasons; null for a new event. */
export function matchAcross(mention: CodedEvent, candidates: ReadonlyArray<{ id: string; event: CodedEvent }>): { id: string; why: string } | null {
  let best: { id: string; why: string; score: number } | null = null;
  for (const c of candidates) {
    const why = sameEventAcross(c.event, mention);
    if (!why) continue;
    const score = closeness(c.event, mention);
    if (!best || score > best.score) best = { id: c.id, why, score };
  }
  return best && { id: best.id, why: best.why };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order in which reports are folded: by publication day, then by document and mention id.
 * Not the order they reached the store: with several workers that order is chance, and the
 * event (its toll, its sources, its evidence) must not depend on it.
 */
export const byReportOrder = (a: Report, b: Report): number =>
  compare(a.published ?? '', b.published ?? '') || compare(a.documentId, b.documentId) || compare(a.id, b.id);

/** The event told by several documents' mentions, whatever the order they are given in. */
export function foldReports(given: readonly Report[]): CodedEvent {
  const reports = [...given].sort(byReportOrder);
  const [first, ...rest] = reports;
  if (!first) throw new Error('foldReports needs at least one report');
  let event = first.event;
  for (const r of rest) event = combine(event, r.event);
  const counts = { ...event.counts };
  for (const kind of Object.keys(counts) as CountKind[]) {
    let range = undefined;
    for (const r of reports) range = combineRanges(range, r.event.counts[kind]);
    if (range) counts[kind] = range;
  }
  // The latest independent report with a toll gives the fatalities (copies repeat their original).
  const independent = reports.filter((r) => !r.copy);
  const tolled = (independent.length ? independent : reports).filter((r) => r.event.counts.killed);
  const latest = tolled.at(-1);
  const sources = [...new Set(reports.map((r) => r.event.source).filter((s): s is string => !!s))];
  // An act one report only alleged ("police said there was no confirmation") and another
  // independent report states as fact took place: the confirmation is the newer knowledge.
  const confirmed = (event.status === 'alleged' || event.status === 'planned') && reports.some((r) => !r.copy && r.event.status === 'occurred');
  return {
    ...event,
    status: confirmed ? 'occurred' : event.status,
    fatalities: latest ? latest.event.fatalities : event.fatalities,
    tollPrecise: latest ? latest.event.tollPrecise : event.tollPrecise,
    counts,
    source: sources.length ? sources.join('; ') : null,
    evidence: reports.flatMap((r) => r.event.evidence),
    confidence: Math.max(...reports.map((r) => r.event.confidence)),
  };
}
