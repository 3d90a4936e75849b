/**
 * From the triggers of one sentence to the events it tells ("frames"). A sentence usually tells
 * one act of violence, however many words signal it ("killed ... in an air strike" is one air
 * strike), but it can tell several acts of different kinds ("abducted 30 women during a rampage
 * that left 250 dead" is an abduction and an attack). So:
 *
 * - a `not-event` trigger that outranks every event trigger (an earthquake, a court case, a
 *   metaphor) means the sentence tells no ACLED event at all;
 * - acts of violence fold into one frame whose sub-type the most specific trigger decides
 *   (a weapon beats generic violence);
 * - violence told at a demonstration folds into the demonstration, whose sub-type the actors
 *   then decide (lethal force against protesters, or protesters who attack);
 * - beside an act of violence or a demonstration, talks, relocations, burning and other strategic
 *   words are background or part of the act ("strikes resumed after talks stalled", "rioters
 *   torched cars"), so only abductions, sexual violence and arrests keep frames of their own.
 */
import type { EventType, Span, SubEventType, TriggerMention } from '../types.js';

/** Whether a trigger names the kind of act itself rather than violence in general. */
export const isSpecific = (t: TriggerMention): boolean => rank(t) > 1;

/** Whether the frame's words name the kind of act: a specific trigger, or a raid's told outcome. */
export const namesKind = (frame: Frame): boolean => isSpecific(frame.main) || frame.outcome !== undefined;

export interface Frame {
  eventType: EventType;
  subEventType: SubEventType;
  /** The trigger that decided the sub-type (for a raid that left people missing, the raid's). */
  main: TriggerMention;
  /** What the raid led to, when that decided the sub-type: people missing after it (an abduction). */
  outcome?: TriggerMention;
  /** Every trigger folded into this frame. */
  triggers: TriggerMention[];
  /** True when violence words were folded into a demonstration frame. */
  violent: boolean;
  /** The clause says what a crowd demanded or opposed: its violence is a demonstration's. */
  grievance: boolean;
}

/** Every frame is built here with all its fields, so that frames share one shape (V8 then reads them without checks that fail). */
function makeFrame(
  eventType: EventType,
  subEventType: SubEventType,
  main: TriggerMention,
  triggers: TriggerMention[],
  violent: boolean,
  outcome: TriggerMention | undefined,
  grievance: boolean,
): Frame {
  return { eventType, subEventType, main, outcome, triggers, violent, grievance };
}

/** `frame` with another sub-type, main trigger, triggers or violence; what the clause told of it stays. */
export function reframed(frame: Frame, changes: Partial<Pick<Frame, 'eventType' | 'subEventType' | 'main' | 'triggers' | 'violent' | 'outcome'>>): Frame {
  return makeFrame(
    changes.eventType ?? frame.eventType,
    changes.subEventType ?? frame.subEventType,
    changes.main ?? frame.main,
    changes.triggers ?? frame.triggers,
    changes.violent ?? frame.violent,
    changes.outcome ?? frame.outcome,
    frame.grievance,
  );
}

type Family = 'violence' | 'abduction' | 'sexual' | 'arrests' | 'demonstration' | 'strategic';

/** Families that still stand as events of their own beside an act of violence. */
const BESIDE_VIOLENCE: ReadonlySet<Family> = new Set(['violence', 'abduction', 'sexual', 'arrests', 'demonstration']);

function familyOf(trigger: TriggerMention): Family {
  switch (trigger.subEventType) {
    case 'Abduction/forced disappearance':
      return 'abduction';
    case 'Sexual violence':
      return 'sexual';
    case 'Arrests':
      return 'arrests';
    // "found 3 IEDs", "shot down a drone": the weapon word names what was disrupted.
    case 'Disrupted weapons use':
      return 'violence';
    default:
      break;
  }
  if (trigger.eventType === 'Protests' || trigger.eventType === 'Riots') return 'demonstration';
  if (trigger.eventType === 'Strategic developments') return 'strategic';
  return 'violence';
}

/** Higher ranks decide a family's sub-type; within a rank the lexicon's priority does. */
function rank(trigger: TriggerMention): number {
  // A change of control is the point of the story even when air strikes backed it.
  if (trigger.hints.includes('territory') && trigger.eventType === 'Battles') return 4;
  // Defused, seized or shot down: the weapon was not used, whatever weapon words follow.
  if (trigger.subEventType === 'Disrupted weapons use') return 4;
  // A suicide attack is one whatever device it used ("a suicide car bombing").
  if (trigger.subEventType === 'Suicide bomb') return 3.5;
  if (trigger.hints.includes('weapon') || trigger.eventType === 'Explosions/Remote violence') {
    return trigger.hints.includes('vague-means') ? 2 : 3;
  }
  if (trigger.hints.includes('generic-violence')) return 1;
  return 2;
}

function better(a: TriggerMention, b: TriggerMention): boolean {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank > 0;
  return a.priority > b.priority;
}

const best = (list: TriggerMention[]): TriggerMention => list.reduce((top, t) => (better(t, top) ? t : top));

/**
 * ACLED folds shelling and blasts during a ground battle into the battle: when a sentence
 * tells clashes and the shells fired in them, the clash is the event.
 */
const FOLDS_INTO_CLASH: ReadonlySet<string> = new Set(['Shelling/artillery/missile attack']);
/** Small-arms fire alongside the shells: a ground battle, which ACLED codes as a clash. */
const GROUND_FIRE = /\b(?:small arms|(?<!heavy )machine[- ]?guns?|gunfire|assault rifles|firefights?|exchanges? of fire|gun battles?)\b/i;

/**
 * Shots fired into the air: a raid's show of force. Explosions set off in the same breath are
 * part of that raid (ACLED codes one event per actor pair, place and day), not a bombing of their own.
 */
const AIR_FIRE = /\b(?:fir(?:e|es|ed|ing)|sho(?:t|ts|oting)|gunshots)\s+(?:\w+\s+){0,2}?(?:in|into)\s+the\s+air\b/i;

/** Explosives set off on the spot (not shells or air strikes fired from afar). */
const onTheSpot = (t: TriggerMention): boolean => t.subEventType === 'Remote explosive/landmine/IED';

function frameOf(list: TriggerMention[], clauseText: string, grievance: boolean): Frame {
  const clash = list.find((t) => t.hints.includes('fighting'));
  const raid = AIR_FIRE.test(clauseText) ? list.filter((t) => !onTheSpot(t)) : list;
  const top = best(raid.length > 0 ? raid : list);
  if (FOLDS_INTO_CLASH.has(top.subEventType) && !clash && GROUND_FIRE.test(clauseText)) {
    return makeFrame('Battles', 'Armed clash', top, list, false, undefined, grievance);
  }
  const main = clash && FOLDS_INTO_CLASH.has(top.subEventType) ? clash : top;
  return makeFrame(main.eventType, main.subEventType, main, list, false, undefined, grievance);
}

/** "a war that killed 220,000": violence in a relative clause qualifies a noun; it is no act of its own. */
function inRelativeClause(text: string, trigger: TriggerMention): boolean {
  return trigger.hints.includes('generic-violence') && /\b(?:that|which)\s+(?:\w+\s+){0,2}$/i.test(text.slice(Math.max(0, trigger.start - 30), trigger.start));
}

/**
 * "protested against the killing of", "a vigil over the deaths", "following the attack": beside
 * a protest, violence named as a topic or as a noun of what came before is what the protest is
 * about, not something done at it. Verbs ("protesters clashed with police") still count.
 */
const TOPIC = /\b(?:against|over|denounc\w*|condemn\w*|protest\w*|about|commemorat\w*|justice\s+for|memory\s+of|mourn\w*|demand\w*|call\w*\s+for|following|after|anniversary\s+of|prevention\s+of|support\s+for|solidarity\s+with|response\s+to)\s+(?:[\w'’-]+\s+){0,3}$/i;
/** The narrower test for lethal force against protesters: only a stated cause ("against", "over"). */
const CAUSE = /\b(?:against|over|denounc\w*|condemn\w*|protest\w*|about|commemorat\w*|justice\s+for|memory\s+of|mourn\w*|anniversary\s+of)\s+(?:[\w'’-]+\s+){0,3}$/i;
const DETERMINER = /\b(?:the|a|an|this|that|these|those|their|his|her|its|last|recent)\s+(?:[\w'’-]+\s+)?$/i;

/** Between a protest word and a later violence word: the protest's purpose ("to denounce", "over"). */
const PURPOSE = /\b(?:to|demand\w*|against|over|call\w*|denounc\w*|condemn\w*|protest\w*|following|after|about|for)\b/i;

function isTopic(text: string, trigger: TriggerMention, protests: TriggerMention[]): boolean {
  const before = text.slice(Math.max(0, trigger.start - 50), trigger.start);
  // "demonstrated against the killing of a protester": lethal force named as the protest's cause.
  if (trigger.eventType === 'Protests') return trigger.hints.includes('lethal') && CAUSE.test(before);
  if (trigger.eventType !== 'Riots' && (TOPIC.test(before) || DETERMINER.test(before))) return true;
  const protest = protests.find((p) => p.end <= trigger.start);
  return !!protest && trigger.eventType !== 'Riots' && PURPOSE.test(text.slice(protest.end, trigger.start));
}

/**
 * "demanding to return home", "denouncing power cuts", "to reject the vote": a crowd that states
 * a demand is demonstrating, so its stone-throwing is a violent demonstration, not mob violence.
 */
const GRIEVANCE = /\b(?:demand(?:s|ed|ing)?|denounc\w*|in\s+protest|to\s+protest|oppos(?:e|ed|ing)\s+(?:the|a|an)\b|(?:to\s+)?reject(?:ing)?\s+(?:the|a|an)\b|call(?:s|ed|ing)?\s+for|chant\w*|slogans?)/i;

/** From this priority a demonstration word names the demonstration or its participants; below, an act (a blockade). */
const NAMED_DEMONSTRATION = 62;

/** Below this priority a demonstration word is vague ("unrest"): it does not draw other acts in. */
const FIRM_DEMONSTRATION = 50;

/** "arrested as they staged a sit-in", "detained during the rally": arrests made at the demonstration. */
const DURING = /\b(?:during|while|as|at|amid|amidst|when)\b/i;

function duringIt(text: string, arrest: TriggerMention, protest: TriggerMention): boolean {
  const gap = arrest.end <= protest.start ? text.slice(arrest.end, protest.start) : text.slice(protest.end, arrest.start);
  return gap.length < 120 && DURING.test(gap);
}

/** A gathering word that may describe the people an act was done to ("crowds gathered outside"). */
const GATHERED = /^(?:gathered|gathering|assembled|massed|congregated|crowded|waiting|queuing|queueing)\b/i;

/**
 * "A suicide bomber attacked crowds gathered outside the airport", "fired on people assembled
 * for prayers": people gathered after an act of violence are its target, not a demonstration.
 */
function gatheredAsTarget(text: string, t: TriggerMention, violence: readonly TriggerMention[]): boolean {
  return GATHERED.test(text.slice(t.start, t.end)) && violence.some((v) => v.end <= t.start && t.start - v.end < 80);
}

/** People missing: what a raid led to, never an act of its own. */
const isMissing = (t: TriggerMention): boolean => t.hints.includes('missing');

/** A raid, with no harm named: "stormed (a school)", "raided", "invaded", "the attack", "gunmen". */
const RAID_WORD =
  /^(?:storm(?:s|ed|ing)?|raid(?:s|ed|ing)?|invad(?:e|es|ed|ing)|invasion|attack(?:s|ed|ing|ers?)?|assault(?:s|ed|ing)?|assailants?|gunm[ae]n|overr[au]n(?:s|ning)?|swoop(?:s|ed|ing)?)$/i;

/**
 * A trigger that tells a raid and nothing more: its first word is a raid word, and it names no
 * armed target ("stormed the army base" is a battle, whatever it led to).
 */
function isRaid(text: string, t: TriggerMention): boolean {
  const words = text.slice(t.start, t.end).split(/\s+/);
  if (t.eventType === 'Explosions/Remote violence' || (t.eventType === 'Battles' && words.length > 1)) return false;
  return RAID_WORD.test(words[0] ?? '');
}

function isRaidOnly(text: string, frame: Frame): boolean {
  return frame.triggers.every((t) => isRaid(text, t));
}

/**
 * ACLED codes one event per actor pair, place and day, and a raid whose point was to take
 * people is an abduction: "gunmen stormed a school and abducted 30 girls" is one abduction,
 * and so is "110 students were missing after the attack on their school". A raid that also
 * harmed people ("killing three") stays an attack of its own beside the abduction.
 */
function raidsForAbduction(text: string, frames: Frame[], missing: readonly TriggerMention[]): Frame[] {
  const raid = frames.find((f) => isRaidOnly(text, f));
  if (!raid) return frames;
  const abduction = frames.find((f) => f.subEventType === 'Abduction/forced disappearance');
  if (abduction) {
    return frames.filter((f) => f !== raid).map((f) => (f === abduction ? reframed(f, { triggers: [...f.triggers, ...raid.triggers] }) : f));
  }
  const outcome = missing[0];
  if (!outcome) return frames;
  const taken = reframed(raid, { eventType: 'Violence against civilians', subEventType: 'Abduction/forced disappearance', outcome, triggers: [...raid.triggers, outcome] });
  return frames.map((f) => (f === raid ? taken : f));
}

/**
 * The events a clause tells. `sentence` holds the triggers of the whole sentence: people missing
 * in one clause ("students were unaccounted for on Tuesday, a day after ...") are the outcome
 * of the raid another clause tells.
 */
export function framesOf(text: string, clause: Span, triggers: readonly TriggerMention[], sentence: readonly TriggerMention[] = triggers): Frame[] {
  // Most clauses have no trigger at all: they tell no event.
  if (triggers.length === 0) return [];
  return raidsForAbduction(text, clauseFrames(text, clause, triggers.filter((t) => !isMissing(t))), sentence.filter(isMissing));
}

function clauseFrames(text: string, clause: Span, triggers: readonly TriggerMention[]): Frame[] {
  let events = triggers.filter((t) => !t.hints.includes('not-event'));
  // People gathered whom an act of violence struck are its target: no demonstration at all.
  const violent = events.filter((t) => familyOf(t) === 'violence');
  events = events.filter((t) => familyOf(t) !== 'demonstration' || !gatheredAsTarget(text, t, violent));
  const protests = events.filter((t) => t.eventType === 'Protests');
  if (protests.length > 0) events = events.filter((t) => !isTopic(text, t, protests));
  const subordinate = events.filter((t) => inRelativeClause(text, t));
  if (subordinate.length < events.length) events = events.filter((t) => !subordinate.includes(t));
  const topNonEvent = Math.max(-1, ...triggers.filter((t) => t.hints.includes('not-event')).map((t) => t.priority));
  // An earthquake's toll or a court case outranks the violence words beside it; a gathering to
  // commemorate or to protest them is still a protest.
  if (topNonEvent >= 0 && topNonEvent > Math.max(-1, ...events.filter((t) => t.eventType !== 'Protests').map((t) => t.priority))) {
    events = events.filter((t) => t.eventType === 'Protests');
  }
  if (events.length === 0) return [];

  const byFamily = new Map<Family, TriggerMention[]>();
  for (const trigger of events) {
    const family = familyOf(trigger);
    byFamily.set(family, [...(byFamily.get(family) ?? []), trigger]);
  }
  const violence = byFamily.get('violence');
  // "Gunmen fought troops and blocked roads with burning vehicles": beside fighting or weapons,
  // acts that only resemble a demonstration's (a road blocked) are the armed men's, not a protest.
  const armed = violence?.some((t) => t.hints.includes('fighting') || rank(t) >= 3) ?? false;
  if (armed && !byFamily.get('demonstration')?.some((t) => t.priority >= NAMED_DEMONSTRATION)) byFamily.delete('demonstration');
  const demonstration = byFamily.get('demonstration');
  const frames: Frame[] = [];
  // At a demonstration, damage to property is the demonstrators' doing and arrests are the
  // intervention against them: both belong to the demonstration, not to events of their own.
  const firm = demonstration?.filter((t) => t.priority >= FIRM_DEMONSTRATION) ?? [];
  const atDemonstration = events.filter(
    (t) =>
      firm.length > 0 &&
      ((familyOf(t) === 'strategic' && t.hints.includes('property')) || (familyOf(t) === 'arrests' && firm.some((p) => duringIt(text, t, p)))),
  );
  const property = events.filter((t) => familyOf(t) === 'strategic' && t.hints.includes('property'));
  for (const [family, list] of byFamily) {
    // Torching cars at a riot is the riot; talks beside a strike are its background.
    if ((violence || demonstration) && !BESIDE_VIOLENCE.has(family)) continue;
    if (family === 'violence' && demonstration) continue;
    if (family === 'arrests' && atDemonstration.some((t) => familyOf(t) === 'arrests')) continue;
    const clauseText = text.slice(clause.start, clause.end);
    const frame = frameOf(list, clauseText, family === 'demonstration' && GRIEVANCE.test(clauseText));
    if (family === 'violence' && !demonstration && property.length > 0) {
      // "gunmen attacked and torched a school": the damage is carried, so the coder can tell
      // whether the attack harmed anyone or only property.
      // When only generic words ("attack", "violence") tell the violence, the damage is the
      // most specific word of the act and stands as its main trigger.
      const generic = list.every((t) => rank(t) <= 1 && !t.hints.includes('lethal'));
      frames.push(reframed(frame, { main: generic ? (property[0] as TriggerMention) : frame.main, triggers: [...list, ...property] }));
      continue;
    }
    if (family !== 'demonstration' || (!violence && atDemonstration.length === 0)) {
      frames.push(frame);
      continue;
    }
    frames.push(reframed(frame, { triggers: [...list, ...(violence ?? []), ...atDemonstration], violent: !!violence }));
  }
  // In place, not `map`: an array `map` builds has another shape to V8 when empty, and the sort
  // that follows was compiled for one of the two.
  for (let i = 0; i < frames.length; i++) frames[i] = withoutAFight(frames[i]!, events);
  return frames.sort((a, b) => a.main.start - b.main.start);
}

/**
 * "IS took Palmyra after the army pulled out", "rebels entered the town without a fight": a
 * place taken when the other side withdrew, with no fighting told, changed hands without a
 * battle (ACLED: a non-violent transfer of territory). Told with clashes, it was won in battle.
 */
function withoutAFight(frame: Frame, events: readonly TriggerMention[]): Frame {
  if (!(frame.main.eventType === 'Battles' && frame.main.hints.includes('territory'))) return frame;
  if (events.some((t) => t.hints.includes('fighting'))) return frame;
  const unopposed = events.some((t) => t.hints.includes('withdrawal') || t.subEventType === 'Non-violent transfer of territory');
  return unopposed ? reframed(frame, { eventType: 'Strategic developments', subEventType: 'Non-violent transfer of territory' }) : frame;
}
