/**
 * The coding stage: turns each body sentence's triggers into coded events (`doc.candidates`),
 * one per act the sentence tells, with actors, place, date, counts, status, citation and the
 * sentence as evidence. Every field records the rule that set it, for `--explain`.
 * In-document merging of several tellings happens in the next stage.
 */
import type { ActorEntry, ActorMention, CodedEvent, CountMention, DateMention, Doc, EventType, Place, PlaceMention, Reason, Span, Stage, TriggerMention } from '../types.js';
import { clausesOf } from './clauses.js';
import { viewOf, within, type DocView, type SentenceView } from './context.js';
import { framesOf, namesKind, reframed, type Frame } from './frames.js';
import { assignRoles, isArmed, type RoleActorFn, type RoleInput, type Roles } from './roles.js';
import { chooseWhen, isReportDate } from './when.js';
import { chooseWhere } from './where.js';
import { countsByFrame, countsOfFrames, giveGrievances, isRiotResponse, isTollOnly, rangesOf, takesToll, tollBesideStrategic, withRiotOpponent, withToll, type Grievance } from './tolls.js';
import { statusOf } from './status.js';
import { refineSubType } from './refine.js';
import { claimantOf } from './claims.js';
import { isClaimObject, isTopicOfTelling, roleOf } from './reference.js';

export interface CodeResources {
  roleActor: RoleActorFn;
  /** A country's military forces, from the actor dictionary. */
  militaryOf: (iso3: string) => ActorEntry | null;
  /** A country as a place (capital coordinates, precision 3), from the gazetteer. */
  countryPlace: (iso3: string) => Place | null;
}

/** What the coder remembers while reading the article from top to bottom. */
interface Memory {
  paragraph: number;
  paragraphDate: DateMention | null;
  paragraphPlace: PlaceMention | null;
  /** Armed actors in the order they were last named, most recent last. */
  armed: ActorEntry[];
}

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

function contextActors(memory: Memory): { agent: ActorEntry | null; opponent: ActorEntry | null } {
  const agent = memory.armed.at(-1) ?? null;
  let opponent: ActorEntry | null = null;
  for (let i = memory.armed.length - 1; i >= 0; i--) {
    if (memory.armed[i]!.name !== agent?.name) {
      opponent = memory.armed[i]!;
      break;
    }
  }
  return { agent, opponent };
}

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

function codeDocument(doc: Doc, resources: CodeResources): CodedEvent[] {
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

interface FrameInput {
  /** The span quoted as evidence: the sentence, or the clause when the sentence tells several events. */
  evidence: Span;
  dates: DateMention[];
  places: PlaceMention[];
  actors: ActorMention[];
  /** The clause's triggers: an act told before "after" keeps the date before it. */
  acts: TriggerMention[];
  counts: CountMention[];
  lead: { date: DateMention | null; place: PlaceMention | null };
  /** Paragraph number of the article's first body paragraph. */
  leadParagraph: number;
  /** Date and place from the sentence's other clauses, else from the paragraph so far. */
  context: { date: DateMention | null; place: PlaceMention | null };
  /** The group that claimed or was blamed for the article's attack, if any. */
  claimant: ActorEntry | null;
  memory: Memory;
  resources: CodeResources;
}

function codeFrame(doc: Doc, sv: SentenceView, frame: Frame, input: FrameInput): CodedEvent | null {
  const s = sv.sentence;
  const why: Reason[] = [{ field: 'sub_event_type', rule: frame.main.rule, span: frame.main }];
  if (frame.outcome) why.push({ field: 'sub_event_type', rule: 'frames:raid-leaves-people-missing', span: frame.outcome });
  if (isAggregate(doc.text, frame, input.evidence)) {
    doc.trace.push(`code: dropped ${frame.subEventType} at ${frame.main.start}: an aggregate toll, not one event`);
    return null;
  }
  const status = statusOf(doc.text, within(doc.cues, s), frame.main, frame.eventType, frame.subEventType);
  if (status.status === 'nonevent') {
    doc.trace.push(`code: dropped ${frame.subEventType} at ${frame.main.start}: non-event cue "${status.cue?.cue}"`);
    return null;
  }
  if (status.cue) why.push({ field: 'status', rule: status.cue.rule, span: status.cue });
  // "The abduction came three days after bombers struck Konduga on Friday": Friday and Konduga
  // are the bombing's; "were missing on Tuesday after gunmen stormed": Tuesday only bounds the raid.
  let bound: DateMention | null = null;
  const ownDates: DateMention[] = [];
  for (const d of input.dates) {
    const role = roleOf(doc.text, frame.main, d, input.acts);
    if (role === 'bound') bound = d;
    else if (role === 'own') ownDates.push(d);
  }
  const when = chooseWhen({
    doc, trigger: frame.main, inSentence: ownDates, paragraph: input.context.date, bound, lead: input.lead.date, published: doc.meta.published,
  });
  const ownPlaces: PlaceMention[] = [];
  for (const p of input.places) if (roleOf(doc.text, frame.main, p, input.acts) !== 'other-act') ownPlaces.push(p);
  const where = chooseWhere({
    text: doc.text, trigger: frame.main, inSentence: ownPlaces, paragraph: input.context.place, lead: input.lead.place,
    focus: doc.focus ?? actorCountry(doc, input.resources),
  });
  const counts = rangesOf(input.counts);
  if (!when || !where) {
    doc.trace.push(`code: dropped ${frame.subEventType} at ${frame.main.start}: no ${when ? 'place' : 'date'}`);
    if (!where) {
      // What the event would have been, had the text placed it (role actors need a country).
      const unplaced = refineSubType(frame, assignRoles(roleInputOf(doc, frame, s, input, null)), counts);
      doc.unplaced.push({ eventType: unplaced.eventType, subEventType: unplaced.subEventType, start: frame.main.start, end: frame.main.end, status: status.status });
    }
    return null;
  }
  why.push({ field: 'event_date', rule: when.rule, span: when.mention }, { field: 'location', rule: where.rule, span: where.mention });
  const roleInput = roleInputOf(doc, frame, s, input, where.place);
  let roles = assignRoles(roleInput);
  const refined = refineSubType(frame, roles, counts);
  if (refined.rule) {
    why.push({ field: 'sub_event_type', rule: refined.rule, span: null });
    // A change of event type changes ACLED's role conventions (protesters become rioters).
    if (refined.eventType !== frame.eventType) {
      roles = assignRoles({ ...roleInput, frame: reframed(frame, { eventType: refined.eventType, subEventType: refined.subEventType }) });
    }
  }
  why.push(...roles.why);
  roles = armedAgent(roles, refined.eventType, input.resources);
  if (!roles.actor1) {
    doc.trace.push(`code: dropped ${refined.subEventType} at ${frame.main.start}: no actor`);
    return null;
  }
  const attribution = doc.attributions.find((a) => a.sentences.includes(sv.index)) ?? null;
  if (attribution) why.push({ field: 'attributed_to', rule: attribution.rule, span: attribution });
  return {
    eventType: refined.eventType,
    subEventType: refined.subEventType,
    date: when.date,
    dateEnd: when.end,
    timePrecision: when.precision,
    actor1: roles.actor1.name,
    actor2: roles.actor2?.name ?? null,
    assocActor1: roles.assoc1?.name ?? null,
    assocActor2: roles.assoc2?.name ?? null,
    inter1: roles.actor1.inter,
    inter2: roles.actor2?.inter ?? 0,
    place: where.place,
    location: where.location,
    fatalities: counts.killed?.low ?? 0,
    tollPrecise: input.counts.some((c) => c.kind === 'killed' && c.low === counts.killed?.low && !c.rule.includes('vague')),
    counts,
    status: status.status,
    attributedTo: attribution?.source ?? null,
    source: doc.meta.source,
    evidence: [{ doc: doc.id, start: input.evidence.start, end: input.evidence.end, text: doc.text.slice(input.evidence.start, input.evidence.end) }],
    confidence: confidenceOf(frame, when.own, where.own, roles.agentNamed),
    inLead: sv.paragraph === input.leadParagraph,
    // A claim of responsibility only joins the event it claims; it does not found one. Nor does
    // an account of the act, whose subject (who corrected the account) did not do it.
    stated: isTopicOfTelling(doc.text, frame.main)
      ? { date: false, reportDate: false, place: false, actor1: false, kind: false }
      : isClaimObject(doc.text, frame.main)
      ? { date: false, reportDate: false, place: false, actor1: roles.agentNamed, kind: false }
      : {
          date: when.own, reportDate: when.rule === 'when:report-date', paragraphDate: when.rule === 'when:paragraph', boundDate: when.rule === 'when:bound',
          place: where.own, actor1: roles.agentNamed, kind: namesKind(frame),
        },
    why,
  };
}

function roleInputOf(doc: Doc, frame: Frame, s: Span, input: FrameInput, place: Place | null): RoleInput {
  const context = contextActors(input.memory);
  const attributed = doc.attributions.filter((a) => a.start < s.end && a.end > s.start);
  return {
    frame, text: doc.text, sentence: s, country: place?.country ?? null, iso3: place?.iso3 ?? null, militaryOf: input.resources.militaryOf,
    // Who is cited is not who acted: "Ukrainian officials said" names no perpetrator.
    actors: input.actors.filter((m) => !attributed.some((a) => m.start < a.end && m.end > a.start)),
    victims: input.counts.some((c) => (c.kind === 'killed' || c.kind === 'injured') && c.low > 0),
    contextAgent: input.claimant ?? context.agent, contextOpponent: context.opponent, roleActor: input.resources.roleActor,
  };
}

/**
 * "More than 350 people have been killed since October": a running total, not an event. "Since
 * the raid" dates a figure from one act, which is that act's ("the first official figure since the raid").
 */
const AGGREGATE =
  /\b(?:since(?!\s+(?:the|this|that|last|[\w-]+['’]s)\s+(?:[\w-]+\s+)?(?:raid|attack|assault|bombing|blast|explosion|abduction|kidnapping|strike|incident|shooting|massacre|ambush)s?\b)|so far|to date|this year|in total|overall|tally|cumulative|in all)\b/i;

/** Acts whose toll a lead may tell before them. */
const VIOLENT_ACT: ReadonlySet<EventType> = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Riots']);

/** A disaster, an epidemic, an anniversary or a metaphor: its dead are no act of violence's toll. */
const NOT_VIOLENCE = /^(?:not-event-(?:disaster|health|history|metaphor))$/;

function isNonEventOfItsOwn(trigger: TriggerMention): boolean {
  return NOT_VIOLENCE.test(trigger.entry);
}

/** The dead and wounded a clause with no act of its own tells ("Medics said 500 people had been treated"), unless a running total. */
function frameless(text: string, clause: Span, counts: readonly CountMention[]): CountMention[] {
  if (AGGREGATE.test(text.slice(clause.start, clause.end))) return [];
  return counts.filter((c) => c.kind === 'killed' || c.kind === 'injured');
}

function isAggregate(text: string, frame: Frame, clause: Span): boolean {
  return frame.main.hints.includes('generic-violence') && AGGREGATE.test(text.slice(clause.start, clause.end));
}


/**
 * With no place name or country word at all, the actors may still tell the country: the
 * Houthis fight in Yemen, al-Shabaab in Somalia. The first named actor that belongs to one
 * country places the event in that country (geo_precision 3).
 */
function actorCountry(doc: Doc, resources: CodeResources): Place | null {
  const iso3 = doc.actors.find((m) => m.actor.iso3 && m.actor.kind !== 'identity')?.actor.iso3;
  return iso3 ? resources.countryPlace(iso3) : null;
}

/** A government does not fire shells or storm towns; its forces do (ACLED codes the military). */
function armedAgent(roles: Roles, eventType: EventType, resources: CodeResources): Roles {
  const violent = eventType === 'Battles' || eventType === 'Explosions/Remote violence' || eventType === 'Violence against civilians';
  if (!violent || !roles.actor1 || !/^Government of /.test(roles.actor1.name) || !roles.actor1.iso3) return roles;
  return { ...roles, actor1: resources.militaryOf(roles.actor1.iso3) ?? roles.actor1 };
}

/** A plain additive score: a specific trigger and a date, place and actor the sentence names. */
function confidenceOf(frame: Frame, ownDate: boolean, ownPlace: boolean, agentNamed: boolean): number {
  const base = 0.35 + Math.min(frame.main.priority, 100) / 500;
  const score = base + (ownDate ? 0.15 : 0) + (ownPlace ? 0.15 : 0) + (agentNamed ? 0.15 : 0);
  return Math.round(Math.min(score, 0.99) * 100) / 100;
}
