/**
 * The article walk of the coding stage: sentence by sentence and clause by clause, the frames a
 * clause tells become coded events (`frame-event.ts`), with what the walk remembers from the
 * paragraph and the article so far: its last date and place, the armed actors last named, the
 * events just coded (a toll-only clause after one adds to it) and the lead's toll.
 */
import type { ActorEntry, ActorMention, CodedEvent, CountMention, DateMention, Doc, EventType, PlaceMention, Span, TriggerMention } from '../types.js';
import { clausesOf } from './clauses.js';
import { viewOf, within, type DocView, type SentenceView } from './context.js';
import { framesOf } from './frames.js';
import { isArmed } from './roles.js';
import { isReportDate } from './when.js';
import { countsByFrame, countsOfFrames, giveGrievances, isRiotResponse, isTollOnly, takesToll, tollBesideStrategic, withRiotOpponent, withToll, type Grievance } from './tolls.js';
import { claimantOf } from './claims.js';
import { codeFrame, isAggregate, tellsAggregate, type CodeResources, type Memory } from './frame-event.js';

/** An event coded from a clause, and where it was told: a toll-only clause right after it adds to it. */
interface Recent {
  index: number;
  paragraph: number;
  sentence: number;
}

/**
 * One article's coding: what every clause reads and what it leaves for the next. Kept in one
 * object so that the per-clause steps are plain functions (no closures built per clause), and
 * so that a date's "reported, not dated" reading is worked out once per date, not per clause.
 */
interface Coding {
  doc: Doc;
  resources: CodeResources;
  lead: { date: DateMention | null; place: PlaceMention | null };
  /** Paragraph number of the article's first body paragraph. */
  leadParagraph: number;
  memory: Memory;
  claimant: ActorEntry | null;
  events: CodedEvent[];
  grievances: Grievance[];
  /** The events coded last (at most four). */
  recent: Recent[];
  /**
   * A toll the lead tells before any act ("Ten soldiers were killed in the violence that
   * erupted when ..."): it goes to the first act of violence the report then tells.
   */
  leadToll: CountMention[];
  /** `isReportDate` of each date asked about so far. */
  reported: Map<DateMention, boolean>;
}

/** A date that dates an event where it is told: not a future one, not the day of a report. */
function datesEvent(coding: Coding, d: DateMention): boolean {
  if (d.future) return false;
  let reported = coding.reported.get(d);
  if (reported === undefined) {
    reported = isReportDate(coding.doc, d);
    coding.reported.set(d, reported);
  }
  return !reported;
}

const isLocal = (p: PlaceMention): boolean => p.place.featureCode !== 'COUNTRY';

function remember(coding: Coding, dates: readonly DateMention[], places: readonly PlaceMention[], actors: readonly ActorMention[]): void {
  const memory = coding.memory;
  for (let i = dates.length - 1; i >= 0; i--) {
    if (datesEvent(coding, dates[i]!)) {
      memory.paragraphDate = dates[i]!;
      break;
    }
  }
  // The most precise place the sentence names, the last among equals: "in Mpondwe, a border
  // town in Kasese district" leaves Mpondwe, not its district, for the sentences after it.
  let ownPlace: PlaceMention | null = null;
  for (const p of places) if (isLocal(p) && (!ownPlace || p.place.precision <= ownPlace.place.precision)) ownPlace = p;
  if (ownPlace) memory.paragraphPlace = ownPlace;
  for (const mention of actors) {
    if (!isArmed(mention.actor)) continue;
    memory.armed = memory.armed.filter((a) => a.name !== mention.actor.name);
    memory.armed.push(mention.actor);
  }
}

export function codeDocument(doc: Doc, resources: CodeResources): CodedEvent[] {
  const view = viewOf(doc);
  const coding: Coding = {
    doc, resources, lead: { date: null, place: null }, leadParagraph: view.body[0]?.paragraph ?? 0,
    memory: { paragraph: -1, paragraphDate: null, paragraphPlace: null, armed: [] },
    claimant: claimantOf(doc), events: [], grievances: [], recent: [], leadToll: [], reported: new Map(),
  };
  coding.lead = { date: leadDate(coding, view.body), place: leadPlace(doc, view) };
  for (const sv of view.body) codeSentence(coding, sv);
  giveGrievances(coding.events, coding.grievances);
  return coding.events;
}

/** The first date of the article's body that dates an event. */
function leadDate(coding: Coding, body: readonly SentenceView[]): DateMention | null {
  for (const sv of body) {
    for (const d of within(coding.doc.dates, sv.sentence)) if (datesEvent(coding, d)) return d;
  }
  return null;
}

/** The first place of the body below country level, else the headline's first place. */
function leadPlace(doc: Doc, view: DocView): PlaceMention | null {
  for (const sv of view.body) {
    const local = within(doc.places, sv.sentence).find(isLocal);
    if (local) return local;
  }
  for (const sv of view.headline) {
    const first = within(doc.places, sv.sentence)[0];
    if (first) return first;
  }
  return null;
}

/** The mentions of one sentence that its clauses share. */
interface SentenceMentions {
  dates: DateMention[];
  places: PlaceMention[];
  actors: ActorMention[];
  triggers: TriggerMention[];
  /** More than one clause: each event then quotes its clause, not the whole sentence. */
  clauses: number;
}

function codeSentence(coding: Coding, sv: SentenceView): void {
  const { doc, memory } = coding;
  if (sv.paragraph !== memory.paragraph) {
    memory.paragraph = sv.paragraph;
    memory.paragraphDate = null;
    memory.paragraphPlace = null;
  }
  const s = sv.sentence;
  const dates = within(doc.dates, s);
  const places = within(doc.places, s);
  const actors = within(doc.actors, s);
  const triggers = within(doc.triggers, s);
  // A sentence with neither a trigger nor a count tells no act and adds no toll (see `codeClause`):
  // it only leaves its date, place and actors for the sentences after it.
  if (triggers.length > 0 || within(doc.counts, s).length > 0) {
    const clauses = clausesOf(doc.text, s);
    const mentions: SentenceMentions = { dates, places, actors, triggers, clauses: clauses.length };
    for (const clause of clauses) codeClause(coding, sv, mentions, clause);
  }
  remember(coding, dates, places, actors);
}

const outside = (item: Span, clause: Span): boolean => item.end <= clause.start || item.start >= clause.end;

/** The last date of another clause of the sentence that dates an event. */
function lastDateOutside(coding: Coding, dates: readonly DateMention[], clause: Span): DateMention | null {
  for (let i = dates.length - 1; i >= 0; i--) if (outside(dates[i]!, clause) && datesEvent(coding, dates[i]!)) return dates[i]!;
  return null;
}

/** The last place below country level named in another clause of the sentence. */
function lastPlaceOutside(places: readonly PlaceMention[], clause: Span): PlaceMention | null {
  for (let i = places.length - 1; i >= 0; i--) if (outside(places[i]!, clause) && isLocal(places[i]!)) return places[i]!;
  return null;
}

/**
 * "At least 12 people were injured.": the act told just before, in the same paragraph or the
 * sentence before ("Police seized the rifles" in between is no act of violence).
 */
function lastAct(coding: Coding, sv: SentenceView): Recent | null {
  for (let i = coding.recent.length - 1; i >= 0; i--) {
    const r = coding.recent[i]!;
    if ((r.paragraph === sv.paragraph || r.sentence >= sv.index - 1) && coding.events[r.index]!.eventType !== 'Strategic developments') return r;
  }
  return null;
}

function addToll(coding: Coding, last: Recent, previous: CodedEvent, tollCounts: CountMention[], at: number, evidence: Span): void {
  coding.events[last.index] = withToll(coding.events[last.index]!, tollCounts, evidenceOf(coding.doc, evidence), 'tolls:next-sentence');
  coding.doc.trace.push(`code: toll at ${at} added to the ${previous.subEventType} told before it`);
}

function codeClause(coding: Coding, sv: SentenceView, sentence: SentenceMentions, clause: Span): void {
  const { doc, memory, events } = coding;
  const text = doc.text;
  const triggers = within(sentence.triggers, clause);
  const clauseCounts = within(doc.counts, clause);
  // A clause with neither a trigger nor a count tells no act and adds no toll: most clauses.
  if (triggers.length === 0 && clauseCounts.length === 0) return;
  const frames = framesOf(text, clause, triggers, sentence.triggers);
  const told = countsOfFrames(text, clauseCounts, triggers, frames);
  for (const grievance of told.grievances) coding.grievances.push(grievance);
  const counts = countsByFrame(frames, told.counts);
  // What another clause of the sentence states is context for this one, like the paragraph's.
  const context = {
    date: lastDateOutside(coding, sentence.dates, clause) ?? memory.paragraphDate,
    place: lastPlaceOutside(sentence.places, clause) ?? memory.paragraphPlace,
  };
  const evidence = sentence.clauses > 1 ? clause : sv.sentence;
  const dates = within(sentence.dates, clause);
  const places = within(sentence.places, clause);
  const actors = within(sentence.actors, clause);
  let ownDate = false;
  for (const d of dates) if (datesEvent(coding, d)) ownDate = true;
  const ownPlace = places.some(isLocal);
  const last = lastAct(coding, sv);
  const previous = last ? events[last.index] : undefined;
  if (frames.length === 0 && !ownDate && !ownPlace && !triggers.some(isNonEventOfItsOwn)) {
    const toll = frameless(text, clause, told.counts);
    if (toll.length > 0 && last && previous && takesToll(previous, toll)) addToll(coding, last, previous, toll, toll[0]!.start, evidence);
    else if (toll.length > 0 && !previous && events.length === 0 && sv.paragraph === coding.leadParagraph) coding.leadToll = toll;
  }
  for (const frame of frames) {
    const frameCounts = counts.get(frame) ?? [];
    const riotResponse = previous !== undefined && isRiotResponse(frame, previous, frameCounts, ownDate || ownPlace);
    const tollOnly = riotResponse || isTollOnly(text, clause, frame, frameCounts, ownDate || ownPlace);
    if (previous && last && tollOnly && !isAggregate(text, frame, evidence) && takesToll(previous, frameCounts)) {
      addToll(coding, last, previous, frameCounts, frame.main.start, evidence);
      if (riotResponse) events[last.index] = withRiotOpponent(events[last.index]!, actors);
      continue;
    }
    const beside = previous ? tollBesideStrategic(frame, previous, frameCounts, ownDate || ownPlace) : [];
    if (beside.length > 0 && last && previous && takesToll(previous, beside)) addToll(coding, last, previous, beside, frame.main.start, evidence);
    const event = codeFrame(doc, sv, frame, {
      evidence, dates, places, actors, acts: triggers,
      counts: beside.length > 0 ? frameCounts.filter((c) => !beside.includes(c)) : frameCounts, context, lead: coding.lead, leadParagraph: coding.leadParagraph,
      claimant: coding.claimant, memory, resources: coding.resources,
    });
    if (event) keep(coding, sv, event);
  }
}

/** Adds a coded event, with the lead's toll when it is the first act of violence after it. */
function keep(coding: Coding, sv: SentenceView, event: CodedEvent): void {
  const { events, leadToll } = coding;
  const takesLead = leadToll.length > 0 && VIOLENT_ACT.has(event.eventType) && !event.counts.killed && takesToll(event, leadToll);
  events.push(takesLead ? withToll(event, leadToll, null, 'tolls:lead') : event);
  if (takesLead) {
    coding.doc.trace.push(`code: the lead's toll added to the ${event.subEventType} told after it`);
    coding.leadToll = [];
  }
  coding.recent.push({ index: events.length - 1, paragraph: sv.paragraph, sentence: sv.index });
  if (coding.recent.length > 4) coding.recent.shift();
}

function evidenceOf(doc: Doc, span: Span): CodedEvent['evidence'][number] {
  return { doc: doc.id, start: span.start, end: span.end, text: doc.text.slice(span.start, span.end) };
}

/** Acts whose toll a lead may tell before them. */
const VIOLENT_ACT: ReadonlySet<EventType> = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Riots']);

/** A disaster, an epidemic, an anniversary or a metaphor: its dead are no act of violence's toll. */
const NOT_VIOLENCE = /^(?:not-event-(?:disaster|health|history|metaphor))$/;

function isNonEventOfItsOwn(trigger: TriggerMention): boolean {
  return NOT_VIOLENCE.test(trigger.entry);
}

/** The dead and wounded a clause with no act of its own tells ("Medics said 500 people had been treated"), unless a running total. */
function frameless(text: string, clause: Span, counts: readonly CountMention[]): CountMention[] {
  if (tellsAggregate(text, clause)) return [];
  return counts.filter((c) => c.kind === 'killed' || c.kind === 'injured');
}
