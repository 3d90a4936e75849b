/**
 * Which counts belong to which event. A count of dead or wounded belongs to the act of
 * violence, hostages to the abduction, detainees to the arrests; when a sentence tells two acts,
 * each count goes to the nearest event that accepts its kind. Reports also spread one event's
 * toll over several sentences, so a toll can reach an event told elsewhere:
 *
 * - a sentence that only adds a toll ("At least 12 people were injured.") adds it to the act
 *   told just before it;
 * - the dead of an act named as a grievance ("protests over a bombing that killed 40") are that
 *   act's dead, and reach it where the report tells the act itself.
 */
import type { ActorMention, CodedEvent, CountKind, CountMention, CountRange, EventType, Span, SubEventType, TriggerMention } from '../types.js';
import { gap } from './context.js';
import { isSpecific, namesKind, type Frame } from './frames.js';

const VIOLENCE: readonly CountKind[] = ['killed', 'injured', 'displaced'];

function accepts(eventType: EventType, subEventType: SubEventType, kind: CountKind, violent = true): boolean {
  switch (subEventType) {
    // A peaceful protest has no dead or wounded of its own: those it names are its grievance.
    case 'Peaceful protest':
      return violent || (kind !== 'killed' && kind !== 'injured');
    case 'Abduction/forced disappearance':
      return kind === 'abducted' || kind === 'released';
    case 'Arrests':
      return kind === 'arrested' || kind === 'released';
    case 'Agreement':
      return kind === 'evacuated' || kind === 'released' || kind === 'displaced';
    case 'Sexual violence':
      return kind === 'killed' || kind === 'injured';
    default:
      break;
  }
  if (eventType === 'Strategic developments') return true;
  return VIOLENCE.includes(kind);
}

/** Assigns each typed count to the nearest frame that accepts it. */
export function countsByFrame(frames: readonly Frame[], counts: readonly CountMention[]): Map<Frame, CountMention[]> {
  const result = new Map<Frame, CountMention[]>(frames.map((f) => [f, []]));
  for (const count of counts) {
    const kind = count.kind;
    if (!kind) continue;
    const anchor = count.cue ?? count;
    const takers = frames.filter((f) => accepts(f.eventType, f.subEventType, kind, f.violent));
    const taker = takers.sort((a, b) => gap(a.main, anchor) - gap(b.main, anchor))[0];
    if (taker) result.get(taker)?.push(count);
  }
  return result;
}

/**
 * Ranges by kind from one telling. Several figures of the same kind in one sentence are
 * alternatives or parts ("38 at the station and 12 in hospital"; "50, five of them children"):
 * the largest is the telling's figure and the rest widen the range.
 */
export function rangesOf(counts: readonly CountMention[]): Partial<Record<CountKind, CountRange>> {
  const ranges: Partial<Record<CountKind, CountRange>> = {};
  for (const count of counts) {
    if (!count.kind) continue;
    const current = ranges[count.kind];
    if (!current || count.low > current.low) ranges[count.kind] = { low: count.low, high: count.high };
  }
  return ranges;
}

/** The dead or wounded of an act that a clause names only as a grievance or background. */
export interface Grievance {
  /** The kind of act, from the most specific trigger the clause dropped ("bombing"). */
  eventType: EventType;
  at: Span;
  counts: CountMention[];
}

/** Acts that have dead of their own (a protest "over a bombing that killed 40" has not). */
const VIOLENT_ACTS: ReadonlySet<EventType> = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);

/** "as a result of which", "leaving": what the act before it caused. */
const CONSEQUENCE = /(?<![\p{L}])(?:as\s+a\s+(?:result|consequence)\s+of\s+which|as\s+a\s+result)\s*,?\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}$/u;

/** "at Kabul airport", "in the market of Konduga": where the act was, between its noun and "that". */
const PLACE_PHRASE = /^\s+(?:at|in|on|near|outside|inside)\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+$/u;

/** "an attack that residents said killed 50": a relative clause about a noun. */
const RELATIVE = /(?<![\p{L}])(?:that|which)\s+(?:[\p{L}\p{N}'’-]+\s+){0,2}$/u;

/**
 * True when `trigger` sits in a relative clause whose noun is an event a frame kept ("an
 * airstrike ... an attack that killed 50"): the clause tells that event's toll.
 */
function qualifiesKept(text: string, trigger: Span, kept: ReadonlySet<TriggerMention>): boolean {
  const before = text.slice(Math.max(0, trigger.start - 60), trigger.start);
  // "shelled the town, as a result of which 1 civilian died": the consequence of the kept act.
  const consequence = CONSEQUENCE.exec(before);
  if (consequence) {
    const at = trigger.start - before.length + consequence.index;
    return [...kept].some((t) => t.end <= at && VIOLENT_ACTS.has(t.eventType));
  }
  const relative = RELATIVE.exec(before);
  if (!relative) return false;
  // "an attack in which 5 died": the noun stands before the preposition.
  const preposition = /(?:^|\s)(?:in|during|after|by)\s*$/.exec(before.slice(0, relative.index))?.[0].length ?? 0;
  const at = trigger.start - before.length + relative.index - preposition;
  const space = /[\s,]*$/.exec(text.slice(Math.max(0, at - 8), at))?.[0].length ?? 0;
  // The kept trigger covers the noun before "that" (it may run on: "attack that residents"), or
  // a place phrase stands between them ("a bombing at Kabul airport that has killed 182").
  const placed = (t: TriggerMention): boolean => t.end < at && PLACE_PHRASE.test(text.slice(t.end, at - space));
  return [...kept].some((t) => ((t.start < at - space && t.end >= at - space) || placed(t)) && VIOLENT_ACTS.has(t.eventType));
}

/**
 * The clause's counts that its frames may take, and the rest as grievances. A count typed by a
 * trigger no frame kept ("protests over a bombing that killed 40") tells the dead of an act the
 * clause only names, unless that trigger qualifies a kept event ("an attack that killed 50").
 */
export function countsOfFrames(
  text: string,
  counts: readonly CountMention[],
  triggers: readonly TriggerMention[],
  frames: readonly Frame[],
): { counts: CountMention[]; grievances: Grievance[] } {
  const kept = new Set(frames.flatMap((f) => f.triggers));
  const dropped = triggers.filter((t) => !kept.has(t));
  const ownCounts: CountMention[] = [];
  const named: CountMention[] = [];
  // With no act at all, the clause's counts are a toll for the act told before it (see `isTollOnly`).
  if (frames.length === 0) return { counts: counts.filter((c) => !isRunningTotal(text, c)), grievances: [] };
  const protest = frames.every((f) => f.eventType === 'Protests' || f.eventType === 'Riots');
  for (const count of counts) {
    if (isRunningTotal(text, count)) continue;
    const cue = count.cue;
    const by = cue ? dropped.find((t) => cue.start < t.end && cue.end > t.start) : undefined;
    if (protest && isGrievance(text, count, frames)) named.push(count);
    else if (!by || qualifiesKept(text, by, kept)) ownCounts.push(count);
    else named.push(count);
  }
  // The act a grievance's dead belong to: the most specific kind of act the clause dropped.
  const act = dropped.filter((t) => isSpecific(t) && t.eventType !== 'Protests' && t.eventType !== 'Strategic developments').sort((a, b) => b.priority - a.priority)[0];
  const violent = named.filter((c) => c.kind === 'killed' || c.kind === 'injured');
  const grievances = act && violent.length > 0 ? [{ eventType: act.eventType, at: { start: act.start, end: act.end }, counts: violent }] : [];
  return { counts: ownCounts, grievances };
}

/** Words that make what follows a protest's cause: "against the killing of", "justice for". */
const TOPIC_BEFORE =
  /\b(?:against|over|denounc\w*|condemn\w*|protest(?:ing|ed|s)?|about|commemorat\w*|justice\s+for|memory\s+of|honou?r\w*|mourn\w*|demand\w*|call\w*\s+for|following|after|anniversary\s+of|solidarity\s+with|response\s+to|relatives\s+of|family\s+of|friends\s+of|members\s+of)\s+(?:[\p{L}'’-]+\s+){0,3}$/iu;

/**
 * The dead or wounded a demonstration names as its cause: a count after "against the killing
 * of", "justice for", "relatives of"; or, at a protest, one person a relative clause tells of
 * ("a student who was shot dead").
 */
function isGrievance(text: string, count: CountMention, frames: readonly Frame[]): boolean {
  if (count.kind !== 'killed' && count.kind !== 'injured') return false;
  const from = Math.min(count.start, count.cue?.start ?? count.start);
  if (TOPIC_BEFORE.test(text.slice(Math.max(0, from - 60), from))) return true;
  // "relatives of a man who was shot dead protested": one person a relative clause describes.
  const cue = count.cue;
  const relative = !!cue && cue.start >= count.end && /^,?\s+who\s+(?:had\s+been|has\s+been|was|died)?/i.test(text.slice(count.end, cue.end));
  return count.rule === 'count/article' && relative && frames.every((f) => f.eventType === 'Protests');
}

/** "have been killed since the protests began", "killed so far": a running total, no event's toll. */
const RUNNING_TOTAL = /^\s+(?:[\p{L}'’-]+\s+){0,3}?(?:since|so\s+far|to\s+date|this\s+year|in\s+total)\b/iu;

function isRunningTotal(text: string, count: CountMention): boolean {
  if (count.kind !== 'killed' && count.kind !== 'injured') return false;
  const from = count.cue ? Math.max(count.cue.end, count.end) : count.end;
  return RUNNING_TOTAL.test(text.slice(from, from + 40));
}

/** Words that tell a new incident, whose toll is its own: "in a separate attack". */
const ANOTHER_INCIDENT = /\b(?:separate(?:ly)?|elsewhere|meanwhile|another\s+(?:attack|incident|strike|raid|blast|explosion))\b/i;

/**
 * True when a clause only adds a toll to what came before: its one act is violence in general
 * ("were killed", "died"), it gives counts, and it names no date or place of its own.
 */
export function isTollOnly(text: string, clause: Span, frame: Frame, counts: readonly CountMention[], statesWhenOrWhere: boolean): boolean {
  if (namesKind(frame) || statesWhenOrWhere || counts.length === 0) return false;
  if (frame.eventType === 'Protests' || frame.eventType === 'Riots' || frame.eventType === 'Strategic developments') return false;
  return !ANOTHER_INCIDENT.test(text.slice(clause.start, clause.end));
}

/** Force used against a crowd: the police side of a demonstration. */
const FORCE_ON_CROWD: ReadonlySet<SubEventType> = new Set(['Excessive force against protesters', 'Protest with intervention']);

/**
 * True when a clause tells the force used against a riot told just before it ("One protester
 * was killed when police fired live rounds"): ACLED codes rioters who attack as a violent
 * demonstration even when the police kill some of them, so the clause's toll is the riot's and
 * the clause is no event of its own. It must name no date or place of its own.
 */
export function isRiotResponse(frame: Frame, previous: CodedEvent, counts: readonly CountMention[], statesWhenOrWhere: boolean): boolean {
  return previous.eventType === 'Riots' && FORCE_ON_CROWD.has(frame.subEventType) && !statesWhenOrWhere && counts.length > 0;
}

/**
 * The riot's opponent from the clause that told the force used on it ("when police fired"):
 * the state force it names, unless the riot already has an opponent.
 */
export function withRiotOpponent(riot: CodedEvent, actors: readonly ActorMention[]): CodedEvent {
  const force = actors.find((a) => a.actor.kind === 'state');
  if (riot.actor2 || !force) return riot;
  return { ...riot, actor2: force.actor.name, inter2: force.actor.inter, why: [...riot.why, { field: 'actor2', rule: 'tolls:force-on-riot', span: { start: force.start, end: force.end } }] };
}

/**
 * The dead and wounded a clause tells beside a strategic act of its own ("Three militants were
 * killed and two rifles seized"): they are the toll of the act of violence told before, which
 * the seizure followed; the strategic act keeps its other counts.
 */
export function tollBesideStrategic(frame: Frame, previous: CodedEvent, counts: readonly CountMention[], statesWhenOrWhere: boolean): CountMention[] {
  if (frame.eventType !== 'Strategic developments' || statesWhenOrWhere || previous.eventType === 'Strategic developments') return [];
  return counts.filter((c) => c.kind === 'killed' || c.kind === 'injured');
}

/** Whether `event` can take the toll of a toll-only clause after it. */
export function takesToll(event: CodedEvent, counts: readonly CountMention[]): boolean {
  return counts.every((c) => c.kind !== null && accepts(event.eventType, event.subEventType, c.kind));
}

/**
 * Adds a later telling's counts to an event: a kind the event lacked is taken as told; a kind it
 * had keeps its figure (the first telling's) and widens its range.
 */
export function withToll(event: CodedEvent, counts: readonly CountMention[], evidence: CodedEvent['evidence'][number] | null, rule: string): CodedEvent {
  const added = rangesOf(counts);
  const merged = { ...event.counts };
  for (const kind of Object.keys(added) as CountKind[]) {
    const range = added[kind]!;
    const current = merged[kind];
    // A later, larger figure is the report's update ("the toll rose to 15"); a smaller one a part.
    merged[kind] = !current ? range : range.low > current.low ? { low: range.low, high: Math.max(range.high ?? range.low, current.high ?? current.low) } : widen(current, range);
  }
  const tookToll = added.killed !== undefined && (!event.counts.killed || added.killed.low > event.counts.killed.low);
  // People killed or hurt in it: a telling that the act took place, as a merge of tellings reads it.
  const hurt = counts.some((c) => (c.kind === 'killed' || c.kind === 'injured') && c.low > 0);
  const toll = counts.find((c) => c.kind === 'killed' && c.low === added.killed?.low);
  return {
    ...event,
    counts: merged,
    status: hurt && event.status === 'planned' ? 'occurred' : event.status,
    fatalities: tookToll ? merged.killed!.low : event.fatalities,
    tollPrecise: tookToll ? !!toll && !toll.rule.includes('vague') : event.tollPrecise,
    evidence: evidence && !event.evidence.some((e) => e.start === evidence.start) ? [...event.evidence, evidence].sort((a, b) => a.start - b.start) : event.evidence,
    why: [...event.why, ...counts.filter((c) => c.kind === 'killed' || c.kind === 'injured').slice(0, 1).map((c) => ({ field: 'counts', rule, span: { start: c.start, end: c.end } }))],
  };
}

function widen(a: CountRange, b: CountRange): CountRange {
  const high = Math.max(a.high ?? a.low, b.high ?? b.low);
  return { low: a.low, high: a.high === null && b.high === null && high === a.low ? null : high };
}

/**
 * Gives each grievance's dead to the act it names, where the report tells that act itself: the
 * nearest event of the same type told in another sentence that has no toll of that kind.
 */
export function giveGrievances(events: CodedEvent[], grievances: readonly Grievance[]): void {
  for (const grievance of grievances) {
    let best = -1;
    let bestGap = Infinity;
    events.forEach((event, i) => {
      if (event.eventType !== grievance.eventType) return;
      if (grievance.counts.some((c) => c.kind && event.counts[c.kind])) return;
      const evidence = event.evidence[0];
      if (!evidence || (evidence.start <= grievance.at.start && evidence.end >= grievance.at.end)) return;
      const distance = gap(evidence, grievance.at);
      if (distance < bestGap) [best, bestGap] = [i, distance];
    });
    if (best >= 0) events[best] = withToll(events[best]!, grievance.counts, null, 'tolls:grievance');
  }
}
