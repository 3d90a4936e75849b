/**
 * One frame of a clause as a coded event: its date, place, actors (ACLED's roles), counts,
 * status, citation and confidence, each with the rule that set it. The article walk
 * (`coding.ts`) decides which frames are events of their own and hands each one here.
 */
import type { ActorEntry, ActorMention, CodedEvent, CountMention, DateMention, Doc, EventType, Place, PlaceMention, Reason, Span, TriggerMention } from '../types.js';
import { within, type SentenceView } from './context.js';
import { namesKind, reframed, type Frame } from './frames.js';
import { assignRoles, type RoleActorFn, type RoleInput, type Roles } from './roles.js';
import { chooseWhen } from './when.js';
import { chooseWhere } from './where.js';
import { rangesOf } from './tolls.js';
import { statusOf } from './status.js';
import { refineSubType } from './refine.js';
import { isClaimObject, isTopicOfTelling, roleOf } from './reference.js';

export interface CodeResources {
  roleActor: RoleActorFn;
  /** A country's military forces, from the actor dictionary. */
  militaryOf: (iso3: string) => ActorEntry | null;
  /** A country as a place (capital coordinates, precision 3), from the gazetteer. */
  countryPlace: (iso3: string) => Place | null;
}

/** What the coder remembers while reading the article from top to bottom. */
export interface Memory {
  paragraph: number;
  paragraphDate: DateMention | null;
  paragraphPlace: PlaceMention | null;
  /** Armed actors in the order they were last named, most recent last. */
  armed: ActorEntry[];
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

export interface FrameInput {
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

export function codeFrame(doc: Doc, sv: SentenceView, frame: Frame, input: FrameInput): CodedEvent | null {
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

/** True when the span reads as a running total ("so far", "since October"), no one act's toll. */
export function tellsAggregate(text: string, span: Span): boolean {
  return AGGREGATE.test(text.slice(span.start, span.end));
}

export function isAggregate(text: string, frame: Frame, clause: Span): boolean {
  return frame.main.hints.includes('generic-violence') && tellsAggregate(text, clause);
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
